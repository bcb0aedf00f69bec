package io.espdesk.netcore;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.nio.NioSocketChannel;

/** The client side's socket settings, the same for every client scheme. */
public final class Clients {
    private Clients() {
    }

    /** A bootstrap with no Nagle delay, a 5 s connect timeout and an outbound queue bounded by {@code queueBytes}. */
    public static Bootstrap bootstrap(EventLoopGroup group, int queueBytes, ChannelHandler init) {
        return new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5_000)
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(queueBytes / 2, queueBytes))
                .handler(init);
    }
}
