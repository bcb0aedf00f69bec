package io.espdesk.sim;

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
        return clock(micros) + " " + plain();
    }

    /** Virtual time as a clock: {@code 00:01:05.250}. */
    public static String clock(long micros) {
        long ms = micros / 1000;
        return String.format("%02d:%02d:%02d.%03d", ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, ms % 1000);
    }
}
