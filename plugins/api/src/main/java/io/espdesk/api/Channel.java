package io.espdesk.api;

import java.io.Closeable;
import java.io.IOException;

/**
 * A bidirectional stream of bytes opened from an address. Thread-safe: {@link #write} is called by the thread
 * that delivers the other side's data, {@link #close} from any thread.
 */
public interface Channel extends Closeable {

    /**
     * Starts delivering what arrives on this channel to {@code listener}. Called once. Deliveries come from the
     * channel's own thread(s), one at a time and in order.
     */
    void start(ChannelListener listener);

    /**
     * Sends bytes towards this channel's far end. May block while the far end is slower than the sender:
     * that is how back-pressure travels through a link. The caller keeps ownership of {@code data}.
     *
     * @throws IOException when the channel is closed or broken; the link then closes and re-opens it
     */
    void write(byte[] data, int offset, int length) throws IOException;

    /**
     * Stops taking in new input (reading the port, delivering what the network brought) and returns once what is being
     * delivered right now has been handed over, so that a link can end without losing bytes in flight: the link calls
     * this on both channels before it closes either. Bounded (a second or two); a no-op by default.
     */
    default void quiesce() {
    }

    /** Closes the channel and releases its resources. Idempotent; never blocks for long. */
    @Override
    void close();

    /** A short human description for status lines, e.g. {@code tcp://127.0.0.1:7000 (connected)}. */
    default String describe() {
        return getClass().getSimpleName();
    }
}
