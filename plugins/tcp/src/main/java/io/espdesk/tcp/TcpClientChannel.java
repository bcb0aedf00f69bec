package io.espdesk.tcp;

import io.espdesk.netcore.AutoRead;
import io.espdesk.channelkit.Backoff;
import io.espdesk.api.Channel;
import io.espdesk.api.ChannelAddress;
import io.espdesk.api.ChannelListener;
import io.espdesk.netcore.Bytes;
import io.espdesk.netcore.ClientConnection;
import io.espdesk.netcore.Redial;
import io.espdesk.channelkit.Delivery;
import io.espdesk.channelkit.StoreAndForward;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * A TCP client that stays up: it connects, and whenever the connection fails or drops it reconnects with capped
 * exponential back-off (0.1 s doubling to 5 s), saying so in one line each time. While it is away, writes wait
 * (back-pressure reaches the other side of the link); nothing is written twice.
 */
final class TcpClientChannel implements Channel {
    private final ChannelAddress address;
    private final Delivery delivery;
    private final Redial redial;
    private final Consumer<Channel> onClose;
    private final ClientConnection conn = new ClientConnection();
    private final StoreAndForward forward;

    TcpClientChannel(EventLoopGroup group, ChannelAddress address, TcpOptions o, Consumer<Channel> onClose) {
        this.address = address;
        this.onClose = onClose;
        this.delivery = new Delivery("tcp-client", o.queueBytes());
        this.forward = new StoreAndForward(o.bufferBytes(), conn.bytesSink(o.bufferBytes() == 0), delivery::status, delivery::dropped, "",
                "peer away: keeping what arrives (up to %d bytes) until it is back", "while the peer was away");
        this.redial = new Redial(group, address, o.queueBytes(), new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel c) {
                        c.pipeline().addLast(new Handler());
                    }
                }, new Backoff(), conn::closed, delivery::status, this::connected);
    }

    @Override
    public void start(ChannelListener listener) {
        delivery.start(listener);
        redial.dial();
    }

    private void connected(io.netty.channel.Channel c) {
        redial.reset();
        conn.set(c);
        delivery.status("connected");
        forward.backNow();
        c.closeFuture().addListener(x -> {
            conn.set(null);
            redial.retry("connection lost");
        });
    }

    /** Writes to the peer; while it is away, keeps the bytes (store-and-forward) so the other side keeps flowing. */
    @Override
    public void write(byte[] data, int offset, int length) throws IOException {
        forward.write(data, offset, length);
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
