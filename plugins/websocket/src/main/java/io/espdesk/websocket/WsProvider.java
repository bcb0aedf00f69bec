package io.espdesk.websocket;

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

/** {@code ws://HOST:PORT/PATH} (a client that reconnects) and {@code ws-listen://[BIND]:PORT/PATH} (a server). */
public final class WsProvider implements ChannelProvider, AutoCloseable {
    private final EventLoopGroup group = new NioEventLoopGroup(0, new DefaultThreadFactory("espdesk-ws", true));
    private final Set<Channel> open = ConcurrentHashMap.newKeySet();

    @Override
    public Set<String> schemes() {
        return Set.of("ws", "ws-listen");
    }

    @Override
    public void validate(ChannelAddress address) {
        WsOptions.of(address);
    }

    @Override
    public Channel open(ChannelAddress address) throws IOException {
        WsOptions o;
        try {
            o = WsOptions.of(address);
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
        Channel c = address.scheme().equals("ws")
                ? new WsClientChannel(group, address, o, open::remove)
                : WsListenChannel.bind(group, address, o, open::remove);
        open.add(c);
        return c;
    }

    @Override
    public void close() {
        for (Channel c : open) {
            c.close();
        }
        // wait for Netty's threads here: once the bundle has stopped, they could no longer load its classes
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(3_000);
    }
}
