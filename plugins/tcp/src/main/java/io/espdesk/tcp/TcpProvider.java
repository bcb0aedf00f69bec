package io.espdesk.tcp;

import io.espdesk.api.Channel;
import io.espdesk.api.ChannelAddress;
import io.espdesk.api.ChannelProvider;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** {@code tcp://HOST:PORT} (a client that reconnects) and {@code tcp-listen://[BIND]:PORT} (a server for many clients). */
public final class TcpProvider implements ChannelProvider, AutoCloseable {
    private final EventLoopGroup group = new NioEventLoopGroup(0, new DefaultThreadFactory("espdesk-tcp", true));
    private final Set<Channel> open = ConcurrentHashMap.newKeySet();

    @Override
    public Set<String> schemes() {
        return Set.of("tcp", "tcp-listen");
    }

    @Override
    public void validate(ChannelAddress address) {
        TcpOptions.of(address);
    }

    @Override
    public Channel open(ChannelAddress address) throws IOException {
        TcpOptions o;
        try {
            o = TcpOptions.of(address);
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
        Channel c = address.scheme().equals("tcp")
                ? new TcpClientChannel(group, address, o, open::remove)
                : TcpListenChannel.bind(group, address, o, open::remove);
        open.add(c);
        return c;
    }

    /** Closes every channel it opened and stops its threads (the plugin is stopping). */
    @Override
    public void close() {
        for (Channel c : open) {
            c.close();
        }
        // wait for Netty's threads here: once the bundle has stopped, they could no longer load its classes
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(3_000);
    }
}
