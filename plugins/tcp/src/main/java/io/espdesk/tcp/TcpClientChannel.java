package io.espdesk.tcp;

import io.espdesk.netcore.AutoRead;
import io.espdesk.channelkit.Backoff;
import io.espdesk.api.Channel;
import io.espdesk.api.ChannelAddress;
import io.espdesk.api.ChannelListener;
import io.espdesk.netcore.Bytes;
import io.espdesk.netcore.ClientConnection;
import io.espdesk.netcore.Clients;
import io.espdesk.channelkit.Delivery;
import io.espdesk.channelkit.StoreAndForward;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A TCP client that stays up: it connects, and whenever the connection fails or drops it reconnects with capped
 * exponential back-off (0.1 s doubling to 5 s), saying so in one line each time. While it is away, writes wait
 * (back-pressure reaches the other side of the link); nothing is written twice.
 */
final class TcpClientChannel implements Channel {
    private final EventLoopGroup group;
    private final ChannelAddress address;
    private final Delivery delivery;
    private final Bootstrap bootstrap;
    private final Consumer<Channel> onClose;
    private final ClientConnection conn = new ClientConnection();
    private final StoreAndForward forward;
    private final boolean bufferEnabled;
    private final Backoff backoff = new Backoff();

    TcpClientChannel(EventLoopGroup group, ChannelAddress address, TcpOptions o, Consumer<Channel> onClose) {
        this.group = group;
        this.address = address;
        this.onClose = onClose;
        this.delivery = new Delivery("tcp-client", o.queueBytes());
        this.bufferEnabled = o.bufferBytes() > 0;
        this.forward = new StoreAndForward(o.bufferBytes(), () -> conn.get() == null && !conn.closed(), this::send, delivery::status, delivery::dropped, "",
                "peer away: keeping what arrives (up to %d bytes) until it is back", "while the peer was away");
        this.bootstrap = Clients.bootstrap(group, o.queueBytes(), new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel c) {
                        c.pipeline().addLast(new Handler());
                    }
                });
    }

    @Override
    public void start(ChannelListener listener) {
        delivery.start(listener);
        connect();
    }

    private void connect() {
        if (conn.closed()) {
            return;
        }
        bootstrap.connect(address.host(), address.port()).addListener(f -> {
            io.netty.channel.ChannelFuture cf = (io.netty.channel.ChannelFuture) f;
            if (conn.closed()) {
                cf.channel().close();
                return;
            }
            if (cf.isSuccess()) {
                backoff.reset();
                conn.set(cf.channel());
                delivery.status("connected");
                forward.backNow();
                cf.channel().closeFuture().addListener(x -> lost());
            } else {
                retry("cannot connect (" + ClientConnection.reason(cf.cause()) + ")");
            }
        });
    }

    private void lost() {
        conn.set(null);
        if (!conn.closed()) {
            retry("connection lost");
        }
    }

    private void retry(String why) {
        long wait = backoff.next();
        delivery.status(why + "; reconnecting in " + wait + " ms");
        group.schedule(this::connect, wait, TimeUnit.MILLISECONDS);
    }

    /** Writes to the peer; while it is away, keeps the bytes (store-and-forward) so the other side keeps flowing. */
    @Override
    public void write(byte[] data, int offset, int length) throws IOException {
        forward.write(data, offset, length);
    }

    /** All or nothing; without a buffer (?buffer=0) it waits for the peer instead of giving the bytes back. */
    private int send(byte[] data, int offset, int length) throws IOException {
        // straight into a pooled direct buffer: the socket writes from it without another copy
        boolean sent = conn.write(c -> c.alloc().directBuffer(length).writeBytes(data, offset, length), !bufferEnabled);
        return sent ? length : 0;
    }

    @Override
    public void close() {
        if (conn.closed()) {
            return;
        }
        conn.close();
        delivery.end("closed");
        onClose.accept(this);
    }

    @Override
    public String describe() {
        return address + (conn.get() != null ? " (connected)" : " (connecting)");
    }

    private final class Handler extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            delivery.offer(AutoRead.of(ctx.channel()), Bytes.take(msg));
        }

        @Override
        public void channelWritabilityChanged(ChannelHandlerContext ctx) {
            conn.wake();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close(); // reported as "connection lost" by the close listener
        }
    }
}
