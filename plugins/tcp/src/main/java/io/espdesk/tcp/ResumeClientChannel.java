package io.espdesk.tcp;

import io.espdesk.channelkit.Backoff;
import io.espdesk.api.Channel;
import io.espdesk.api.ChannelAddress;
import io.espdesk.api.ChannelListener;
import io.espdesk.netcore.ClientConnection;
import io.espdesk.netcore.Clients;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** {@code tcp://HOST:PORT?resume=on}: dials the other espdesk, and again with capped back-off whenever it is lost. */
final class ResumeClientChannel extends ResumeChannel {
    private final EventLoopGroup group;
    private final Bootstrap bootstrap;
    private final Backoff backoff = new Backoff();

    ResumeClientChannel(EventLoopGroup group, ChannelAddress address, TcpOptions o, Consumer<Channel> onClose) {
        super(address, o, onClose);
        this.group = group;
        this.bootstrap = Clients.bootstrap(group, o.queueBytes(), new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel c) {
                c.pipeline().addLast(ResumeFrames.decoder(), new Handler());
            }
        });
    }

    @Override
    public void start(ChannelListener listener) {
        super.start(listener);
        connect();
    }

    private void connect() {
        if (closed()) {
            return;
        }
        bootstrap.connect(address.host(), address.port()).addListener(f -> {
            io.netty.channel.ChannelFuture cf = (io.netty.channel.ChannelFuture) f;
            if (closed()) {
                cf.channel().close();
            } else if (!cf.isSuccess()) {
                retry("cannot connect (" + ClientConnection.reason(cf.cause()) + ")");
            }
        });
    }

    @Override
    protected void lost(io.netty.channel.Channel c, String why) {
        retry(why != null ? why : "connection to " + address.host() + ":" + address.port() + " closed before the resume hello");
    }

    @Override
    protected void greeted(io.netty.channel.Channel c) {
        backoff.reset(); // only a real resumption resets it: a peer that refuses is retried ever slower
    }

    private void retry(String why) {
        if (closed()) {
            return;
        }
        long wait = backoff.next();
        delivery.status(why + "; reconnecting in " + wait + " ms");
        group.schedule(this::connect, wait, TimeUnit.MILLISECONDS);
    }

    @Override
    protected void stopConnecting() {
        delivery.end("closed");
    }
}
