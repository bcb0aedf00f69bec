package io.espdesk.netcore;

import io.espdesk.api.ChannelListener;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hands received bytes to the link on a thread of its own. Netty's event loops must never block, but the link's
 * onData may (that is how back-pressure works); so reads are queued here, and a source socket stops reading
 * (autoRead off) while more than {@code highBytes} wait, resuming below half of it. Nothing is dropped.
 */
public final class Delivery {
    private static final byte[] END = new byte[0];

    private final LinkedBlockingQueue<byte[]> queue = new LinkedBlockingQueue<>();
    private final AtomicLong waiting = new AtomicLong();
    private final Set<io.netty.channel.Channel> paused = ConcurrentHashMap.newKeySet();
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
    public void offer(io.netty.channel.Channel source, byte[] data) {
        queue.add(data);
        if (waiting.addAndGet(data.length) > highBytes && source != null) {
            source.config().setAutoRead(false);
            paused.add(source);
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

    private void run() {
        try {
            while (true) {
                byte[] d = queue.take();
                if (d == END) {
                    listener.onClosed(endReason);
                    return;
                }
                listener.onData(d, 0, d.length);
                if (waiting.addAndGet(-d.length) < highBytes / 2 && !paused.isEmpty()) {
                    for (io.netty.channel.Channel c : paused) {
                        paused.remove(c);
                        c.config().setAutoRead(true);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
