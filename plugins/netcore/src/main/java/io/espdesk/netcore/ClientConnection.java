package io.espdesk.netcore;

import io.espdesk.channelkit.StoreAndForward;
import io.netty.channel.Channel;
import java.io.IOException;
import java.util.function.Function;

/**
 * The current connection of a client channel that reconnects by itself: writers wait here while it is away or
 * behind (that is the back-pressure), and are woken when it is back or has drained.
 */
public final class ClientConnection {
    private final Object lock = new Object();
    private volatile Channel ch;
    private volatile boolean closed;

    public Channel get() {
        return ch;
    }

    public void set(Channel c) {
        ch = c;
        wake();
    }

    public boolean closed() {
        return closed;
    }

    /** Marks the client closed and closes the current connection. */
    public void close() {
        closed = true;
        Channel c = ch;
        if (c != null) {
            c.close();
        }
        wake();
    }

    public void wake() {
        synchronized (lock) {
            lock.notifyAll();
        }
    }

    /**
     * Writes and flushes the message {@code message} makes for the current connection, waiting while it is not
     * writable (back-pressure). While there is no connection: waits for one when {@code waitForPeer}, else returns
     * false at once so the caller can keep the bytes.
     */
    public boolean write(Function<Channel, Object> message, boolean waitForPeer) throws IOException {
        try {
            synchronized (lock) {
                Channel c;
                while ((c = ch) == null || !c.isActive() || !c.isWritable()) {
                    if (closed) {
                        throw new IOException("closed");
                    }
                    if (!waitForPeer && (c == null || !c.isActive())) {
                        return false;
                    }
                    lock.wait(100);
                }
                c.writeAndFlush(message.apply(c));
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
    }

    /**
     * This connection as the next stage of a store-and-forward write path: away while there is no connection (and the
     * channel is open); a send goes straight into a pooled direct buffer (the socket writes from it without another
     * copy), all or nothing. With {@code waitForPeer} (nothing is kept) it waits for the peer instead of giving the bytes
     * back.
     */
    public StoreAndForward.Sink bytesSink(boolean waitForPeer) {
        return new StoreAndForward.Sink() {
            @Override
            public boolean away() {
                return ch == null && !closed;
            }

            @Override
            public int send(byte[] data, int offset, int length) throws IOException {
                return write(c -> c.alloc().directBuffer(length).writeBytes(data, offset, length), waitForPeer) ? length : 0;
            }
        };
    }

    /** "Connection refused: /127.0.0.1:7000" reads "Connection refused": the address is in the line's prefix already. */
    public static String reason(Throwable t) {
        String m = t.getMessage();
        if (m == null) {
            return t.getClass().getSimpleName();
        }
        int at = m.indexOf(": /");
        return at > 0 ? m.substring(0, at) : m;
    }
}
