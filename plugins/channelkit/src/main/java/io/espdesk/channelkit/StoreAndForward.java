package io.espdesk.channelkit;

import java.io.IOException;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * The write path of a channel whose far side can be away (a peer disconnected, no client yet, a device unplugged):
 * while it is away, writes are kept in a {@link HoldBuffer} and return at once; when it is back, what was kept goes
 * first, in order, from a thread of its own (never a Netty event loop), then writes go straight through again.
 */
public final class StoreAndForward {
    /** The next stage of the write path: where bytes go when the far side is there, and whether it is. */
    public interface Sink {
        /** Whether the far side is away now (no connection, no client, no device): writes are kept meanwhile. */
        boolean away();

        /**
         * Sends, waiting while the far side is slow (back-pressure); returns how many bytes went before the far side
         * went away (the rest is kept), or {@code length}.
         */
        int send(byte[] data, int offset, int length) throws IOException;
    }

    private final HoldBuffer hold;
    private final Sink sink;
    private final Consumer<String> status;
    private final LongConsumer dropped;
    private final String prefix;
    private final String keeping;
    private final String whileAway;
    private final Object order = new Object();
    private boolean warnedDrop;

    /**
     * @param capacity  bytes kept at most (0: keep nothing; the sink must then wait for the far side itself)
     * @param sink      where the bytes go, and whether the far side is away
     * @param dropped   told how many bytes a full buffer threw away (the link counts them)
     * @param prefix    what status lines start with (e.g. the device path and ": "), or ""
     * @param keeping   the line when keeping starts, with %d for the capacity
     * @param whileAway how the delivered line names the absence: "while the peer was away"
     */
    public StoreAndForward(long capacity, Sink sink, Consumer<String> status, LongConsumer dropped, String prefix,
                           String keeping, String whileAway) {
        this.hold = new HoldBuffer(capacity);
        this.sink = sink;
        this.status = status;
        this.dropped = dropped;
        this.prefix = prefix;
        this.keeping = keeping;
        this.whileAway = whileAway;
    }

    public void write(byte[] data, int offset, int length) throws IOException {
        synchronized (order) {
            if (hold.enabled() && sink.away()) {
                keep(data, offset, length);
                return;
            }
            if (flushHeld()) {
                int sent = sink.send(data, offset, length);
                if (sent < length) {
                    keep(data, offset + sent, length - sent); // it went away mid-write
                }
            } else {
                keep(data, offset, length); // went away again while what was kept was going out
            }
        }
    }

    private void keep(byte[] data, int offset, int length) {
        boolean first = hold.isEmpty();
        long gone = hold.add(data, offset, length);
        if (first) {
            status.accept(prefix + String.format(keeping, hold.capacity()));
        }
        if (gone > 0) {
            dropped.accept(gone);
        }
        if (gone > 0 && !warnedDrop) {
            warnedDrop = true;
            status.accept(prefix + "buffer full: dropping the oldest bytes (buffer=" + hold.capacity() + ")");
        }
    }

    /** Sends what was kept; false when the far side went away again (the unsent rest stays kept, in order). */
    private boolean flushHeld() throws IOException {
        if (hold.isEmpty()) {
            return true;
        }
        byte[] held = hold.takeAll();
        long gone = hold.takeDropped();
        int sent = sink.send(held, 0, held.length);
        if (sent < held.length) {
            hold.add(held, sent, held.length - sent); // the buffer is empty: order is kept
            return false;
        }
        warnedDrop = false;
        status.accept(prefix + "delivered " + held.length + " bytes kept " + whileAway
                + (gone > 0 ? "; " + gone + " older bytes were dropped" : ""));
        return true;
    }

    /** The far side is back: deliver what was kept, before any new write. */
    public void backNow() {
        if (hold.isEmpty()) {
            return;
        }
        Thread t = new Thread(() -> {
            synchronized (order) {
                try {
                    flushHeld();
                } catch (IOException e) {
                    // closed meanwhile: nothing to deliver to
                }
            }
        }, "espdesk-store-and-forward");
        t.setDaemon(true);
        t.start();
    }
}
