package io.espdesk.tcp;

import io.espdesk.api.Channel;
import io.espdesk.api.ChannelAddress;
import io.espdesk.api.ChannelListener;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A TCP server for many clients: what any client sends is merged towards the other side of the link (whole lines
 * with {@code ?lines=1}); what the link writes goes to every client. Each client has a bounded queue
 * ({@code ?queue=}, 1 MiB): the writer waits while a client is behind, and a client still behind after
 * {@code ?stall=} ms (2 s) is dropped with a line, so one that never reads cannot hold the others.
 * {@code ?max=N} refuses clients past N; {@code ?maxline=N} closes a client whose line is longer.
 */
final class TcpListenChannel implements Channel {
    /** Below this many clients every connect and disconnect gets a line; above, only refusals and drops. */
    static final int CHATTY_UP_TO = 16;

    private final ChannelAddress address;
    private final TcpOptions options;
    private final Delivery delivery;
    private final ChannelGroup clients = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final Object lock = new Object();
    private final Consumer<Channel> onClose;
    private io.netty.channel.Channel server;
    private volatile boolean closed;

    private TcpListenChannel(ChannelAddress address, TcpOptions options, Consumer<Channel> onClose) {
        this.address = address;
        this.options = options;
        this.onClose = onClose;
        this.delivery = new Delivery("tcp-listen", options.queueBytes());
    }

    static TcpListenChannel bind(EventLoopGroup group, ChannelAddress address, TcpOptions o, Consumer<Channel> onClose) throws IOException {
        TcpListenChannel t = new TcpListenChannel(address, o, onClose);
        String host = address.host().isEmpty() ? "127.0.0.1" : address.host();
        ServerBootstrap b = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 4096)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(o.queueBytes() / 2, o.queueBytes()))
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel c) {
                        if (o.lines()) {
                            c.pipeline().addLast(new LineBasedFrameDecoder(o.maxLine(), false, true));
                        }
                        c.pipeline().addLast(t.new ClientHandler());
                    }
                });
        io.netty.channel.ChannelFuture f = b.bind(new InetSocketAddress(host, address.port())).awaitUninterruptibly();
        if (!f.isSuccess()) {
            throw new IOException("cannot listen on " + host + ":" + address.port() + ": " + f.cause().getMessage(), f.cause());
        }
        t.server = f.channel();
        return t;
    }

    /** The port actually bound (useful with port 0). */
    int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    int clientCount() {
        return clients.size();
    }

    @Override
    public void start(ChannelListener listener) {
        delivery.start(listener);
    }

    @Override
    public void write(byte[] data, int offset, int length) throws IOException {
        if (closed) {
            throw new IOException("closed");
        }
        ByteBuf buf = Unpooled.copiedBuffer(data, offset, length);
        try {
            for (io.netty.channel.Channel c : clients) {
                c.writeAndFlush(buf.retainedDuplicate());
            }
        } finally {
            buf.release();
        }
        awaitClientsDrained();
    }

    /** Back-pressure: waits while a client is behind, up to the stall limit; then drops the ones still behind. */
    private void awaitClientsDrained() throws IOException {
        long deadline = System.nanoTime() + options.stallMillis() * 1_000_000;
        try {
            synchronized (lock) {
                while (!closed) {
                    List<io.netty.channel.Channel> behind = new ArrayList<>();
                    for (io.netty.channel.Channel c : clients) {
                        if (!c.isWritable()) {
                            behind.add(c);
                        }
                    }
                    if (behind.isEmpty()) {
                        return;
                    }
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        for (io.netty.channel.Channel c : behind) {
                            delivery.status("dropped client " + peer(c) + ": it read nothing for " + options.stallMillis()
                                    + " ms with " + options.queueBytes() + " bytes waiting");
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

    private static String peer(io.netty.channel.Channel c) {
        InetSocketAddress a = (InetSocketAddress) c.remoteAddress();
        return a == null ? "?" : a.getAddress().getHostAddress() + ":" + a.getPort();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.close();
        clients.close();
        synchronized (lock) {
            lock.notifyAll();
        }
        delivery.end("closed");
        onClose.accept(this);
    }

    @Override
    public String describe() {
        return address + " (" + clients.size() + " clients)";
    }

    private final class ClientHandler extends ChannelInboundHandlerAdapter {
        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            if (clients.size() >= options.max()) {
                delivery.status("refused client " + peer(ctx.channel()) + ": already " + options.max() + " clients (max=" + options.max() + ")");
                ctx.close();
                return;
            }
            clients.add(ctx.channel());
            if (clients.size() <= CHATTY_UP_TO) {
                delivery.status("client " + peer(ctx.channel()) + " connected (" + clients.size() + " now)");
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (clients.remove(ctx.channel()) && clients.size() < CHATTY_UP_TO) {
                delivery.status("client " + peer(ctx.channel()) + " disconnected (" + clients.size() + " left)");
            }
            synchronized (lock) {
                lock.notifyAll();
            }
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            delivery.offer(ctx.channel(), Bytes.take(msg));
        }

        @Override
        public void channelWritabilityChanged(ChannelHandlerContext ctx) {
            synchronized (lock) {
                lock.notifyAll();
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (cause instanceof TooLongFrameException) {
                delivery.status("closed client " + peer(ctx.channel()) + ": a line longer than " + options.maxLine() + " bytes (maxline="
                        + options.maxLine() + ")");
            }
            ctx.close();
        }
    }
}
