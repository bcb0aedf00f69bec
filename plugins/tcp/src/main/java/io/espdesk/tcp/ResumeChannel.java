package io.espdesk.tcp;

import io.espdesk.api.ChannelAddress;
import io.espdesk.api.ChannelListener;
import io.espdesk.channelkit.Delivery;
import io.espdesk.netcore.AutoRead;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * {@code ?resume=on}: one peer, another espdesk, and every byte delivered exactly once across any number of broken
 * connections and restarts. Each end numbers what it sends ({@link SendWindow}), keeps it until the peer acknowledges
 * that its link took it (written to the serial port, or kept for it), and after a reconnection sends again exactly what
 * the peer's hello says it lacks. What arrives twice is recognised by its position and skipped. The wire format is in
 * {@link ResumeFrames}; a peer that does not speak it is refused with a line. Subclasses say how connections come
 * about (dialling with back-off, or accepting).
 */
abstract class ResumeChannel implements io.espdesk.api.Channel {
    /** How long a new connection may take to say hello. */
    static final long HELLO_TIMEOUT_MS = 5_000;
    /** How long closing waits for the delivery in hand and for the peer to acknowledge what it was sent. */
    static final long FINISH_MS = 2_000;

    /** What a delivery's acknowledgement refers to: a position in the peer's stream of one incarnation. */
    private record Mark(long epoch, long end) {
    }

    protected final ChannelAddress address;
    protected final Delivery delivery;
    private final Consumer<io.espdesk.api.Channel> onClose;
    private final long myStream = new SecureRandom().nextLong() | 1; // never 0, which means "none"
    private final Object lock = new Object();
    private final SendWindow window;
    private final AtomicBoolean ackPending = new AtomicBoolean();
    /** The connection that has said hello and carries data now; guarded by lock. */
    private Channel live;
    // the peer's stream, guarded by lock
    private long peerStream;
    /** The stream of a peer another espdesk took over from while it was connected: it is not let back in while that one is. */
    private long displaced;
    private long epoch;
    private long received = -1; // the position after the last byte handed to delivery; -1 until its first data
    private volatile long taken; // the position after the last byte the link took: what is acknowledged
    private boolean keeping;
    private boolean warnedDrop;
    private volatile boolean stopping;
    private volatile boolean closed;

    ResumeChannel(ChannelAddress address, TcpOptions o, Consumer<io.espdesk.api.Channel> onClose) {
        this.address = address;
        this.onClose = onClose;
        this.window = new SendWindow(o.bufferBytes());
        this.delivery = new Delivery("tcp-resume", o.queueBytes(), this::taken);
    }

    /** Called when this channel is closing: stop making connections. */
    protected abstract void stopConnecting();

    /** The peer said hello on {@code c}: it carries data now. */
    protected void greeted(Channel c) {
    }

    /** A connection that had said hello is gone ({@code why} is one short line), or one that had not (null). */
    protected abstract void lost(Channel c, String why);

    @Override
    public void start(ChannelListener listener) {
        delivery.start(listener);
    }

    boolean closed() {
        return closed;
    }

    // ---- the write side: what the link sends to the peer ----

    @Override
    public void write(byte[] data, int offset, int length) throws IOException {
        synchronized (lock) {
            // connected: wait for acknowledgements while the window is full (back-pressure); away: keep, dropping the oldest
            while (!stopping && live != null && window.held() > 0 && window.held() + length > window.capacity()) {
                try {
                    lock.wait(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted");
                }
            }
            if (stopping) {
                throw new IOException("closed");
            }
            long position = window.end();
            long gone = window.append(data, offset, length);
            if (gone > 0) {
                delivery.dropped(gone);
                if (!warnedDrop) {
                    warnedDrop = true;
                    delivery.status("buffer full: dropping the oldest unacknowledged bytes (buffer=" + window.capacity() + ")");
                }
            }
            Channel c = live;
            if (c != null) {
                for (int i = 0; i < length; i += ResumeFrames.MAX_DATA) {
                    int n = Math.min(ResumeFrames.MAX_DATA, length - i);
                    c.write(ResumeFrames.data(c.alloc(), position + i, data, offset + i, n));
                }
                c.flush();
            } else if (!keeping) {
                keeping = true;
                delivery.status("peer away: keeping what arrives (up to " + window.capacity() + " bytes) until it is back");
            }
        }
    }

    // ---- the read side: what the peer sends ----

    /** The link took a delivery: acknowledge it (coalesced: one acknowledgement in flight at a time). */
    private void taken(Object mark) {
        Mark m = (Mark) mark;
        Channel c;
        synchronized (lock) {
            if (m.epoch != epoch || closed) {
                return;
            }
            taken = m.end;
            c = live;
        }
        if (c != null && ackPending.compareAndSet(false, true)) {
            try {
                c.eventLoop().execute(() -> {
                    ackPending.set(false);
                    c.writeAndFlush(ResumeFrames.ack(c.alloc(), taken));
                });
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                ackPending.set(false); // the plugin is stopping: the next hello carries what was taken
            }
        }
    }

    private void onHello(Channel c, ByteBuf body) {
        long magic = body.readLong();
        if (magic != ResumeFrames.MAGIC) {
            refuse(c, "the peer does not speak espdesk resume (is ?resume=on set on both ends?)");
            return;
        }
        long theirStream = body.readLong();
        long theyKnow = body.readLong();
        long theyTook = body.readLong();
        long resend;
        synchronized (lock) {
            Channel current = live;
            boolean currentUp = current != null && current != c && current.isActive();
            if (currentUp && theirStream == displaced) {
                // two espdesks dialling one resume listener would take it from each other for ever; the newer keeps it
                refuse(c, "another espdesk is connected here (one peer per resume listener)");
                return;
            }
            if (theirStream != peerStream) {
                if (currentUp) {
                    displaced = peerStream;
                }
                if (peerStream != 0) {
                    delivery.status("the peer started afresh: taking its new stream");
                }
                peerStream = theirStream;
                epoch++;
                received = -1;
                taken = 0;
            }
            long from = window.start();
            if (theyKnow == myStream) {
                if (theyTook > window.end()) {
                    refuse(c, "the peer claims " + theyTook + " bytes, more than were sent (" + window.end() + ")");
                    return;
                }
                from = Math.max(from, theyTook);
                window.ack(from);
            }
            Channel old = live;
            live = c;
            keeping = false;
            warnedDrop = false;
            resend = window.held();
            window.forEachFrom(from, ResumeFrames.MAX_DATA, (pos, b, off, len) -> c.write(ResumeFrames.data(c.alloc(), pos, b, off, len)));
            c.flush();
            lock.notifyAll();
            if (old != null) {
                old.close();
            }
        }
        greeted(c);
        delivery.status("connected to " + peer(c) + (resend > 0 ? "; resending " + resend + " unacknowledged bytes" : ""));
    }

    private void onData(Channel c, ByteBuf body) {
        long position = body.readLong();
        int length = body.readableBytes();
        synchronized (lock) {
            if (c != live) {
                return; // a replaced connection: whatever it carried is sent again on the live one
            }
            if (received < 0) {
                received = position;
            } else if (position > received) {
                long lost = position - received;
                delivery.dropped(lost);
                delivery.status("lost " + lost + " bytes: the peer's buffer overflowed while we were apart");
                received = position;
            }
            long skip = received - position;
            if (skip >= length) {
                return; // had it already
            }
            byte[] bytes = new byte[(int) (length - skip)];
            body.skipBytes((int) skip).readBytes(bytes);
            received = position + length;
            delivery.offer(AutoRead.of(c), bytes, new Mark(epoch, received));
        }
    }

    private void onAck(Channel c, ByteBuf body) {
        long position = body.readLong();
        synchronized (lock) {
            if (position <= window.start()) {
                return; // old news (acknowledgements race the hello)
            }
            if (position > window.end()) {
                refuse(c, "the peer acknowledged " + position + " bytes, more than were sent (" + window.end() + ")");
                return;
            }
            window.ack(position);
            lock.notifyAll();
        }
    }

    private void refuse(Channel c, String why) {
        delivery.status(peer(c) + ": " + why + "; closing the connection");
        c.close();
    }

    static String peer(Channel c) {
        java.net.SocketAddress a = c.remoteAddress();
        if (a instanceof java.net.InetSocketAddress i) {
            return i.getAddress().getHostAddress() + ":" + i.getPort();
        }
        return String.valueOf(a);
    }

    /** A new connection (either way): says hello, and is closed unless the peer says hello within the limit. */
    protected void connected(Channel c) {
        long known;
        long took;
        synchronized (lock) {
            known = peerStream;
            took = taken;
        }
        c.writeAndFlush(ResumeFrames.hello(c.alloc(), myStream, known, took));
        c.eventLoop().schedule(() -> {
            boolean greeted;
            synchronized (lock) {
                greeted = live == c;
            }
            if (!greeted && c.isActive() && !closed) {
                refuse(c, "no espdesk resume hello within " + HELLO_TIMEOUT_MS + " ms (is ?resume=on set on both ends?)");
            }
        }, HELLO_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    }

    /** The pipeline's last handler for every connection. */
    protected final class Handler extends ChannelInboundHandlerAdapter {
        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            connected(ctx.channel());
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf frame = (ByteBuf) msg;
            try {
                byte type = frame.readByte();
                frame.skipBytes(4);
                boolean greeted;
                synchronized (lock) {
                    greeted = live == ctx.channel();
                }
                if (!greeted && type != ResumeFrames.HELLO) {
                    refuse(ctx.channel(), "the peer does not speak espdesk resume (is ?resume=on set on both ends?)");
                } else if (type == ResumeFrames.HELLO && frame.readableBytes() == ResumeFrames.HELLO_BODY) {
                    onHello(ctx.channel(), frame);
                } else if (type == ResumeFrames.DATA && frame.readableBytes() >= 8) {
                    onData(ctx.channel(), frame);
                } else if (type == ResumeFrames.ACK && frame.readableBytes() == 8) {
                    onAck(ctx.channel(), frame);
                } else {
                    refuse(ctx.channel(), "a malformed resume frame (type " + (type & 0xff) + ")");
                }
            } finally {
                frame.release();
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            boolean wasLive;
            synchronized (lock) {
                wasLive = live == ctx.channel();
                if (wasLive) {
                    live = null;
                    lock.notifyAll();
                }
            }
            if (wasLive && !closed) {
                lost(ctx.channel(), "connection to " + peer(ctx.channel()) + " lost");
            } else if (!closed) {
                lost(ctx.channel(), null);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (cause instanceof TooLongFrameException || cause instanceof io.netty.handler.codec.CorruptedFrameException) {
                refuse(ctx.channel(), "the peer does not speak espdesk resume (is ?resume=on set on both ends?)");
            } else {
                ctx.close(); // reported by channelInactive
            }
        }
    }

    // ---- ending ----

    /** Stops delivering: what is queued is dropped (unacknowledged, so the peer sends it again); the delivery in hand finishes. */
    @Override
    public void quiesce() {
        delivery.stopNow("closed", FINISH_MS);
    }

    /**
     * Closes without losing anything: the delivery in hand finishes, the peer is told what was taken, and what this end
     * sent is given a moment to be acknowledged (on SIGTERM it would otherwise be lost with the process).
     */
    @Override
    public void close() {
        synchronized (lock) {
            if (stopping) {
                return;
            }
            stopping = true;
            lock.notifyAll();
        }
        quiesce();
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(FINISH_MS);
        Channel c;
        synchronized (lock) {
            while (live != null && window.held() > 0 && System.nanoTime() < end) {
                try {
                    lock.wait(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            closed = true;
            c = live;
        }
        if (c != null && c.isActive()) {
            c.writeAndFlush(ResumeFrames.ack(c.alloc(), taken)).awaitUninterruptibly(1_000);
            c.close();
        }
        stopConnecting();
        onClose.accept(this);
    }

    @Override
    public String describe() {
        Channel c = live;
        return address + (c != null ? " (resuming with " + peer(c) + ")" : " (peer away)");
    }
}
