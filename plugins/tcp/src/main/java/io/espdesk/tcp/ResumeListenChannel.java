package io.espdesk.tcp;

import io.espdesk.api.Channel;
import io.espdesk.api.ChannelAddress;
import io.espdesk.netcore.Servers;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * {@code tcp-listen://[BIND]:PORT?resume=on}: waits for the other espdesk. One peer at a time: a new connection that
 * says hello replaces the current one (after a network cut the old one may linger half-open on this side).
 */
final class ResumeListenChannel extends ResumeChannel {
    private io.netty.channel.Channel server;

    private ResumeListenChannel(ChannelAddress address, TcpOptions o, Consumer<Channel> onClose) {
        super(address, o, onClose);
    }

    static ResumeListenChannel bind(EventLoopGroup group, ChannelAddress address, TcpOptions o, Consumer<Channel> onClose) throws IOException {
        ResumeListenChannel t = new ResumeListenChannel(address, o, onClose);
        t.server = Servers.bind(group, address, o.queueBytes(), new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel c) {
                c.pipeline().addLast(ResumeFrames.decoder(), t.new Handler());
            }
        });
        return t;
    }

    /** The port actually bound (useful with port 0). */
    int port() {
        return Servers.port(server);
    }

    @Override
    protected void lost(io.netty.channel.Channel c, String why) {
        if (why != null) {
            delivery.status(why + "; waiting for it to connect again");
        }
    }

    @Override
    protected void stopConnecting() {
        server.close();
        delivery.end("closed");
    }
}
