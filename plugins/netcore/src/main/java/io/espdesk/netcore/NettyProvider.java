package io.espdesk.netcore;

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
import java.util.function.Consumer;

/** A provider whose channels run on one Netty event loop group, all closed (and the threads ended) when the plugin stops. */
public abstract class NettyProvider implements ChannelProvider, AutoCloseable {
    private final EventLoopGroup group;
    private final Set<Channel> open = ConcurrentHashMap.newKeySet();

    protected NettyProvider(String threadName) {
        this.group = new NioEventLoopGroup(0, new DefaultThreadFactory(threadName, true));
    }

    /** Opens one channel; {@code onClose} must be called when it closes. */
    protected abstract Channel create(EventLoopGroup group, ChannelAddress address, Consumer<Channel> onClose) throws IOException;

    @Override
    public final Channel open(ChannelAddress address) throws IOException {
        try {
            validate(address);
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
        Channel c = create(group, address, open::remove);
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
