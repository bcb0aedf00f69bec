package io.espdesk.netcore;

import io.espdesk.api.ChannelListener;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Hands received bytes to the link on a thread of its own. Netty's event loops must never block, but the link's
 * onData may (that is how back-pressure works); so reads are queued here, and a source socket stops reading
 * (autoRead off) while more than {@code highBytes} wait, resuming below half of it. Nothing is dropped.
 */
public final class Delivery {
    private static final byte[] END = new byte[0];
    private static final int COALESCE = 256 * 1024;

    private final LinkedBlockingQueue<byte[]> queue = new LinkedBlockingQueue<>();
    private final Set<io.netty.channel.Channel> paused = new HashSet<>();
    private long waiting; // guarded by this, together with paused: pausing and resuming must not miss each other
    private final long highBytes;
    private final String name;
    private volatile ChannelListener listener;
    private volatile String endReason;

    public Delivery(String name, long highBytes) {
        this.name = name;
        this.highBytes = highBytes;
    }

    public void start(ChannelListener l) {
        this.listener = l;
        Thread t = new Thread(this::run, "espdesk-" + name + "-delivery");
        t.setDaemon(true);
        t.start();
    }

    /** Called on an event loop with bytes read from {@code source}. */
    public synchronized void offer(io.netty.channel.Channel source, byte[] data) {
        queue.add(data);
        waiting += data.length;
        if (waiting > highBytes && source != null && paused.add(source)) {
            source.config().setAutoRead(false);
        }
    }

    private synchronized void delivered(int length) {
        waiting -= length;
        if (waiting < highBytes / 2) {
            for (io.netty.channel.Channel c : paused) {
                c.config().setAutoRead(true);
            }
            paused.clear();
        }
    }

    public void status(String line) {
        ChannelListener l = listener;
        if (l != null) {
            l.onStatus(line);
        }
    }

    /** Ends delivery after what is queued; the listener hears onClosed(reason) once. */
    public void end(String reason) {
        endReason = reason;
        queue.add(END);
    }

    /**
     * Joins what else is already queued (up to 256 KiB) to {@code first}: one hand-off and one write downstream
     * instead of many small ones, which is where a relay's throughput goes.
     */
    private byte[] coalesce(byte[] first) {
        byte[] next = queue.peek();
        if (next == null || next == END || first.length >= COALESCE) {
            return first;
        }
        java.io.ByteArrayOutputStream joined = new java.io.ByteArrayOutputStream(Math.min(COALESCE, first.length * 4));
        joined.write(first, 0, first.length);
        while ((next = queue.peek()) != null && next != END && joined.size() + next.length <= COALESCE) {
            queue.poll();
            joined.write(next, 0, next.length);
        }
        return joined.toByteArray();
    }

    private void run() {
        try {
            while (true) {
                byte[] d = queue.take();
                if (d == END) {
                    listener.onClosed(endReason);
                    return;
                }
                d = coalesce(d);
                listener.onData(d, 0, d.length);
                delivered(d.length);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
