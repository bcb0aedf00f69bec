package io.espdesk.nodemcu.lua;

import io.espdesk.lua51.CallStack;

/**
 * Counts VM instructions per firmware task and trips the watchdog past the budget, on top of the call stack that
 * Lua 5.1's error messages and levels need (one VM hook does both: LuaJ has one debug hook per state).
 */
public final class WatchdogHook extends CallStack {
    private final long budget;
    private long count;

    /** @param budget instructions one task may run (the default 2,000,000 is about half a second on an ESP8266) */
    public WatchdogHook(long budget) {
        this.budget = budget;
    }

    /** A new task starts with a fresh budget. */
    public void startTask() {
        count = 0;
    }

    /** tmr.wdclr(): the script fed the watchdog. */
    public void feed() {
        count = 0;
    }

    @Override
    protected void onStep() {
        if (++count > budget) {
            throw new WatchdogReset();
        }
    }
}
