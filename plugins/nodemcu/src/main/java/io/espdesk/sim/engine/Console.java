package io.espdesk.sim.engine;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * UART0 of a board, as the serial monitor sees it: every byte written is kept (so a test can compare exact bytes)
 * and complete lines are handed to the simulation's output in virtual-time order.
 */
public final class Console {
    private final ByteArrayOutputStream all = new ByteArrayOutputStream();
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final Consumer<String> lineSink;
    private final java.util.function.BooleanSupplier keep;
    private Consumer<byte[]> tap;

    /** @param keep whether every byte is kept for {@link #bytes()} (off for long runs and live bridges) */
    Console(Consumer<String> lineSink, java.util.function.BooleanSupplier keep) {
        this.lineSink = lineSink;
        this.keep = keep;
    }

    /** Also sends every byte to {@code tap} (a bridged UART channel). */
    public void tap(Consumer<byte[]> tap) {
        this.tap = tap;
    }

    public void write(byte[] bytes) {
        if (keep.getAsBoolean()) {
            all.write(bytes, 0, bytes.length);
        }
        if (tap != null) {
            tap.accept(bytes.clone());
        }
        for (byte b : bytes) {
            if (b == '\n') {
                emit();
            } else if (b != '\r') {
                line.write(b);
            }
        }
    }

    /**
     * Text from the firmware (print, echo, prompts, panics) as its UART driver sends it (uart0_putc): each {@code \n}
     * goes out as {@code \r\n} and a {@code \r} not at all. Serial tools wait for {@code \r\n> }.
     * {@link #write(byte[])} is the raw path (uart.write): exact bytes.
     */
    public void print(String text) {
        byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length + 8);
        for (byte c : b) {
            if (c == '\n') {
                out.write('\r');
                out.write('\n');
            } else if (c != '\r') {
                out.write(c);
            }
        }
        write(out.toByteArray());
    }

    /**
     * The interpreter's prompt ({@code > }, {@code >> }): on the wire like any text, but not part of the board's
     * printed lines, so {@code [board] text} and expectations read what the script printed, not where a prompt
     * happened to stand.
     */
    public void prompt(String prompt) {
        byte[] b = prompt.getBytes(StandardCharsets.ISO_8859_1);
        if (keep.getAsBoolean()) {
            all.write(b, 0, b.length);
        }
        if (tap != null) {
            tap.accept(b);
        }
    }

    /** Ends a partial line (at a reset, or at the end of a run) so nothing printed is lost from the output. */
    public void flushPartial() {
        if (line.size() > 0) {
            emit();
        }
    }

    private void emit() {
        lineSink.accept(line.toString(StandardCharsets.ISO_8859_1));
        line.reset();
    }

    /** Every byte written since the simulation started. */
    public byte[] bytes() {
        return all.toByteArray();
    }
}
