package io.espdesk.sim.engine;

/**
 * What runs on a board. The engine powers the board, keeps its clock, radio and sockets, and hands its events to
 * the firmware; what a script is, and what an error in one does, is the firmware's business and never the engine's.
 * NodeMCU on LuaJ is one firmware; another (MicroPython) plugs in beside it. One instance per board, for the
 * board's whole life; what it holds between {@link #boot} and {@link #powerOff} is the board's RAM.
 */
public interface Firmware {
    /**
     * Power is on and the boot ROM is done: print the banner and build the RAM state from the flash. The engine
     * starts the radio next (saved WiFi settings), then runs {@link #start} as the board's first task.
     */
    void boot();

    /** The first task after boot: run the boot script (init.lua). */
    void start();

    /**
     * Runs one event of this board (a timer, a packet, typed input, a WiFi change) as one firmware task. An error
     * in it is the firmware's to handle: a panic reboots the board ({@link Board#restart}), the others go on.
     */
    void deliver(Runnable event);

    /** Power is gone: everything in RAM goes; the flash and the saved WiFi settings stay with the board. */
    void powerOff();

    /** Makes the firmware of a board, once, when the board is added. */
    interface Factory {
        Firmware create(Board board);
    }
}
