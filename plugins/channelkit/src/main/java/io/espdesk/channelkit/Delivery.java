package io.espdesk.channelkit;

import io.espdesk.api.ChannelListener;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * Hands received bytes to the link on a thread of its own. An event loop (Netty's) must never block, but the link's
 * onData may (that is how back-pressure works); so reads are queued here, and a source stops reading while more than
 * {@code highBytes} wait, resuming below half of it. Nothing is dropped.
 */
public final class Delivery {
    /** Where bytes are read from: told to stop reading while too much waits, and to go on once it has drained. */
    public interface Source {
        void reading(boolean on);
    }

    /** Bytes to deliver, and what to report once the link has taken them (null: nothing). */
    private record Item(byte[] data, int length, Object mark) {
        Item(byte[] data, Object mark) {
            this(data, data.length, mark);
        }
    }

    private static final Item END = new Item(new byte[0], null);
    private static final int COALESCE = 256 * 1024;

    private final LinkedBlockingQueue<Item> queue = new LinkedBlockingQueue<>();
    private final byte[] joinBuffer = new byte[COALESCE]; // used by the delivery thread only
    private final Set<Source> paused = new HashSet<>();
    private long waiting; // guarded by this, together with paused: pausing and resuming must not miss each other
    private final long highBytes;
    private final String name;
    private final Consumer<Object> accepted;
    private volatile ChannelListener listener;
    private volatile String endReason;
    private volatile Thread thread;
    private volatile boolean discard;

    public Delivery(String name, long highBytes) {
        this(name, highBytes, null);
    }

    /**
     * @param accepted told, after the link has taken a delivery ({@link ChannelListener#onData} said true), the mark of
     *                 its last {@link #offer(Source, byte[], Object) offer}: how a channel knows what it may acknowledge
     *                 to its peer
     */
    public Delivery(String name, long highBytes, Consumer<Object> accepted) {
        this.name = name;
        this.highBytes = highBytes;
        this.accepted = accepted;
    }

    public void start(ChannelListener l) {
        this.listener = l;
        Thread t = new Thread(this::run, "espdesk-" + name + "-delivery");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    /** Called on an event loop with bytes read from {@code source} (the same object for the same source, or null). */
    public void offer(Source source, byte[] data) {
        offer(source, data, null);
    }

    /** Like {@link #offer(Source, byte[])}, with a mark handed to the accepted hook once delivered. */
    public synchronized void offer(Source source, byte[] data, Object mark) {
        queue.add(new Item(data, mark));
        waiting += data.length;
        if (waiting > highBytes && source != null && paused.add(source)) {
            source.reading(false);
        }
    }

    private synchronized void delivered(int length) {
        waiting -= length;
        if (waiting < highBytes / 2) {
            for (Source c : paused) {
                c.reading(true);
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

    /** Reports bytes thrown away (counted in the link's figures). */
    public void dropped(long bytes) {
        ChannelListener l = listener;
        if (l != null) {
            l.onDropped(bytes);
        }
    }

    /** Ends delivery after what is queued; the listener hears onClosed(reason) once. */
    public void end(String reason) {
        endReason = reason;
        queue.add(END);
    }

    /**
     * Ends delivery now: what is queued is discarded (a peer that resends what was not acknowledged sends it again),
     * and this returns once the delivery in hand is done, waiting at most {@code millis} (not at all on the delivery
     * thread itself). The listener hears onClosed(reason) once.
     */
    public void stopNow(String reason, long millis) {
        synchronized (this) {
            discard = true; // the queue is not cleared under the delivery thread, which may be joining items right now
            endReason = reason;
            queue.add(END);
        }
        Thread t = thread;
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Joins what else is already queued (up to 256 KiB) to {@code first}: one hand-off and one write downstream
     * instead of many small ones, which is where a relay's throughput goes.
     */
    private Item coalesce(Item first) {
        Item next = queue.peek();
        if (next == null || next == END || first.data.length >= COALESCE) {
            return first;
        }
        // into one array kept for the purpose: the listener may not keep what it is handed, so it can be reused
        byte[] joined = joinBuffer;
        System.arraycopy(first.data, 0, joined, 0, first.data.length);
        int size = first.data.length;
        Object mark = first.mark;
        while ((next = queue.peek()) != null && next != END && size + next.data.length <= COALESCE) {
            queue.poll();
            System.arraycopy(next.data, 0, joined, size, next.data.length);
            size += next.data.length;
            mark = next.mark;
        }
        return new Item(joined, size, mark);
    }

    private void run() {
        try {
            while (true) {
                Item it = queue.take();
                if (it == END) {
                    listener.onClosed(endReason);
                    return;
                }
                if (discard) {
                    continue; // stopped: what was queued goes nowhere (and is not acknowledged)
                }
                it = coalesce(it);
                if (accepted == null) {
                    listener.onData(it.data, 0, it.length);
                } else if (listener.onData(it.data, 0, it.length)) {
                    accepted.accept(it.mark);
                }
                delivered(it.length);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
