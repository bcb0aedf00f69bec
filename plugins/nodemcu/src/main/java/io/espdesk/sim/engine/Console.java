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

    public void print(String text) {
        write(text.getBytes(StandardCharsets.ISO_8859_1));
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
