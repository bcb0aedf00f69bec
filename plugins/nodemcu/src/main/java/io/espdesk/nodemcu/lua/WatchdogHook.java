package io.espdesk.nodemcu.lua;

import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.DebugLib;

/**
 * Counts VM instructions per firmware task and trips the watchdog past the budget. LuaJ only calls instruction
 * hooks through a DebugLib, so this is one; the sandbox removes the {@code debug} table it installs, and the call
 * hooks do nothing (no call-stack bookkeeping, so the interpreter stays fast).
 */
public final class WatchdogHook extends DebugLib {
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
    public void onInstruction(int pc, Varargs v, int top) {
        if (++count > budget) {
            throw new WatchdogReset();
        }
    }

    @Override
    public void onCall(LuaFunction f) {
        // no call-stack bookkeeping: scripts cannot reach the debug library
    }

    @Override
    public void onCall(LuaClosure c, Varargs varargs, LuaValue[] stack) {
        // no call-stack bookkeeping: scripts cannot reach the debug library
    }

    @Override
    public void onReturn() {
        // no call-stack bookkeeping: scripts cannot reach the debug library
    }
}
