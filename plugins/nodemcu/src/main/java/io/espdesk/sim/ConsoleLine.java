package io.espdesk.sim;

import io.espdesk.sim.scenario.Durations;
/**
 * One line a board wrote to its UART0, stamped with the virtual time (microseconds since the simulation started).
 */
public record ConsoleLine(long micros, String board, String text) {
    /** {@code [board] text}, as {@code espdesk sim} prints it. */
    public String plain() {
        return "[" + board + "] " + text;
    }

    /** {@code 00:01:05.250 [board] text}. */
    public String timestamped() {
        return Durations.clock(micros) + " " + plain();
    }
}
