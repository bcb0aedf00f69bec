package io.espdesk.netcore;

import io.espdesk.api.ChannelAddress;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.io.IOException;
import java.net.InetSocketAddress;

/** Binding a listening address the same way for every server scheme: loopback unless the address names a host. */
public final class Servers {
    private Servers() {
    }

    /** Binds {@code address}; each client's queue is bounded by {@code queueBytes} (the writability high mark). */
    public static Channel bind(EventLoopGroup group, ChannelAddress address, int queueBytes, ChannelHandler childInit)
            throws IOException {
        String host = address.host().isEmpty() ? "127.0.0.1" : address.host();
        ServerBootstrap b = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 4096)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(queueBytes / 2, queueBytes))
                .childHandler(childInit);
        io.netty.channel.ChannelFuture f = b.bind(new InetSocketAddress(host, address.port())).awaitUninterruptibly();
        if (!f.isSuccess()) {
            throw new IOException("cannot listen on " + host + ":" + address.port() + ": " + f.cause().getMessage(), f.cause());
        }
        return f.channel();
    }

    /** The port a server channel is bound to. */
    public static int port(Channel server) {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }
}
