package io.espdesk.sim.engine;

/** Told of every complete line a board prints on UART0, on the simulation's thread, in virtual-time order. */
public interface LineListener {
    void line(long atMicros, String board, String text);
}
