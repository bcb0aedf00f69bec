package io.espdesk.tcp;

import io.espdesk.channelkit.Backoff;
import io.espdesk.api.ChannelAddress;
import io.espdesk.api.ChannelListener;
import io.espdesk.netcore.Redial;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import java.util.function.Consumer;

/** {@code tcp://HOST:PORT?resume=on}: dials the other espdesk, and again with capped back-off whenever it is lost. */
final class ResumeClientChannel extends ResumeChannel {
    private final Redial redial;

    ResumeClientChannel(EventLoopGroup group, ChannelAddress address, TcpOptions o, Consumer<io.espdesk.api.Channel> onClose) {
        super(address, o, onClose);
        // a connected socket says nothing yet: the resume hello decides (greeted / lost)
        this.redial = new Redial(group, address, o.queueBytes(), new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel c) {
                c.pipeline().addLast(ResumeFrames.decoder(), new Handler());
            }
        }, new Backoff(), this::closed, delivery::status, c -> { });
    }

    @Override
    public void start(ChannelListener listener) {
        super.start(listener);
        redial.dial();
    }

    @Override
    protected void lost(Channel c, String why) {
        redial.retry(why != null ? why : "connection to " + address.host() + ":" + address.port() + " closed before the resume hello");
    }

    @Override
    protected void greeted(Channel c) {
        redial.reset(); // only a real resumption resets it: a peer that refuses is retried ever slower
    }

    @Override
    protected void stopConnecting() {
        delivery.end("closed");
    }
}
