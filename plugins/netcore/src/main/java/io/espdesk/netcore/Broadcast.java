package io.espdesk.netcore;

import io.espdesk.channelkit.Delivery;
import io.espdesk.channelkit.RelayOptions;
import io.espdesk.channelkit.StoreAndForward;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufHolder;
import io.netty.channel.Channel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.ReferenceCounted;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The clients of a server channel, fed by one writer. Each client has a bounded queue (Netty's write-buffer high
 * water mark): the writer waits while a client is behind, and a client still behind after the stall limit is
 * dropped with a line, so one that never reads cannot hold the others. Clients past {@code max} are refused.
 */
public final class Broadcast implements StoreAndForward.Sink {
    /** How a write becomes messages (made once, then duplicated for each client). */
    public interface Encoder {
        /** Buffers ({@link ByteBuf}) or holders ({@link ByteBufHolder}, e.g. WebSocket frames); released here. */
        List<? extends ReferenceCounted> encode(byte[] data, int offset, int length);
    }

    /** Below this many clients every connect and disconnect gets a line; above, only refusals and drops. */
    public static final int CHATTY_UP_TO = 16;

    private final ChannelGroup clients = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    /** Who was admitted: the group forgets a client the moment it closes, before its disconnect can be told. */
    private final Set<Channel> admitted = ConcurrentHashMap.newKeySet();
    private final Object lock = new Object();
    private final Delivery delivery;
    private final int max;
    private final int queueBytes;
    private final long stallMillis;
    private final Encoder encoder;
    private volatile boolean closed;

    public Broadcast(Delivery delivery, RelayOptions o, Encoder encoder) {
        this.delivery = delivery;
        this.max = o.max();
        this.queueBytes = o.queueBytes();
        this.stallMillis = o.stallMillis();
        this.encoder = encoder;
    }

    public int size() {
        return clients.size();
    }

    /** A client is ready; false (it is closed, with a line) when {@code max} clients are connected already. */
    public boolean admit(Channel c) {
        if (clients.size() >= max) {
            delivery.status("refused client " + peer(c) + ": already " + max + " clients (max=" + max + ")");
            c.close();
            return false;
        }
        clients.add(c);
        admitted.add(c);
        if (clients.size() <= CHATTY_UP_TO) {
            delivery.status("client " + peer(c) + " connected (" + clients.size() + " now)");
        }
        return true;
    }

    /** A client went away. */
    public void removed(Channel c) {
        clients.remove(c);
        if (admitted.remove(c) && clients.size() < CHATTY_UP_TO) {
            delivery.status("client " + peer(c) + " disconnected (" + clients.size() + " left)");
        }
        wake();
    }

    /** A client's queue went above or below its bound. */
    public void wake() {
        synchronized (lock) {
            lock.notifyAll();
        }
    }

    /** No client: what is written is kept for the first one (when the channel keeps anything). */
    @Override
    public boolean away() {
        return clients.isEmpty();
    }

    /** To every client, each message in turn; waits while a client is behind (see {@link #awaitDrained}). */
    @Override
    public int send(byte[] data, int offset, int length) throws IOException {
        List<? extends ReferenceCounted> messages = encoder.encode(data, offset, length);
        int i = 0;
        try {
            for (; i < messages.size(); i++) {
                ReferenceCounted m = messages.get(i);
                try {
                    send(m);
                } finally {
                    m.release();
                }
            }
        } finally {
            for (i++; i < messages.size(); i++) {
                messages.get(i).release(); // not sent (closed meanwhile): ours to release
            }
        }
        return length;
    }

    /** Writes one message to every client (a retained duplicate each), then waits for slow clients. */
    private void send(ReferenceCounted message) throws IOException {
        if (closed) {
            throw new IOException("closed");
        }
        for (Channel c : clients) {
            c.writeAndFlush(message instanceof ByteBuf ? ((ByteBuf) message).retainedDuplicate() : ((ByteBufHolder) message).retainedDuplicate());
        }
        awaitDrained();
    }

    private void awaitDrained() throws IOException {
        long deadline = System.nanoTime() + stallMillis * 1_000_000;
        try {
            synchronized (lock) {
                while (!closed) {
                    List<Channel> behind = new ArrayList<>();
                    for (Channel c : clients) {
                        if (!c.isWritable()) {
                            behind.add(c);
                        }
                    }
                    if (behind.isEmpty()) {
                        return;
                    }
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        for (Channel c : behind) {
                            delivery.status("dropped client " + peer(c) + ": it read nothing for " + stallMillis + " ms with "
                                    + queueBytes + " bytes waiting");
                            c.close();
                        }
                        return;
                    }
                    lock.wait(Math.max(1, left / 1_000_000));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
    }

    public void close() {
        closed = true;
        clients.close();
        wake();
    }

    /** {@code 127.0.0.1:50312}. */
    public static String peer(Channel c) {
        InetSocketAddress a = (InetSocketAddress) c.remoteAddress();
        return a == null ? "?" : a.getAddress().getHostAddress() + ":" + a.getPort();
    }
}
