package io.espdesk.nodemcu;

import io.espdesk.nodemcu.modules.LuaBoard;
import io.espdesk.sim.engine.Board;
import io.espdesk.sim.engine.Firmware;
import java.util.function.LongSupplier;

/**
 * NodeMCU on LuaJ, as one {@link Firmware}: at every boot a fresh Lua state with the modules of the board's
 * profile ({@link LuaBoard}); init.lua as the first task; every event a Lua task that can panic or trip the watchdog.
 */
public final class NodemcuFirmware implements Firmware {
    private final Board board;
    private final Profile profile;
    private final LongSupplier watchdogInstructions;
    private LuaBoard lua;

    /** @param watchdogInstructions read at every boot: the instructions one Lua task may run before a watchdog reset */
    public NodemcuFirmware(Board board, Profile profile, LongSupplier watchdogInstructions) {
        this.board = board;
        this.profile = profile;
        this.watchdogInstructions = watchdogInstructions;
    }

    @Override
    public void boot() {
        board.console().print("NodeMCU " + (profile.legacy() ? "1.5.4.1" : "3.0.0.0") + " (espdesk simulated ESP8266, profile "
                + profile.label() + ")\n");
        lua = new LuaBoard(board, profile.legacy(), watchdogInstructions.getAsLong());
    }

    @Override
    public void start() {
        lua.runInit();
    }

    @Override
    public void deliver(Runnable event) {
        lua.call(event);
    }

    @Override
    public void powerOff() {
        lua = null;
    }
}
