package io.espdesk.netcore;

import io.espdesk.api.ChannelAddress;
import io.espdesk.channelkit.Backoff;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * A client's dialling, the same for every client scheme: connect to the address, and again whenever a try fails or
 * the channel reports its connection lost, waiting as the {@link Backoff} says, with one line each time
 * ({@code cannot connect (Connection refused); reconnecting in 200 ms}). What a connection means (usable at once,
 * after a WebSocket handshake, after a resume hello) is the channel's: it is handed each new socket, and calls
 * {@link #retry} when that socket is lost and {@link #reset} once one has really worked.
 */
public final class Redial {
    private final EventLoopGroup group;
    private final Bootstrap bootstrap;
    private final ChannelAddress address;
    private final Backoff backoff;
    private final BooleanSupplier closed;
    private final Consumer<String> status;
    private final Consumer<Channel> connected;

    /**
     * @param queueBytes each socket's outbound queue bound (Netty's writability high mark)
     * @param init       builds each socket's pipeline
     * @param closed     whether the channel has been closed (then nothing is dialled again)
     * @param status     one line per failure
     * @param connected  told of each socket that connected, on its event loop
     */
    public Redial(EventLoopGroup group, ChannelAddress address, int queueBytes, ChannelHandler init, Backoff backoff,
                  BooleanSupplier closed, Consumer<String> status, Consumer<Channel> connected) {
        this.group = group;
        this.address = address;
        this.backoff = backoff;
        this.closed = closed;
        this.status = status;
        this.connected = connected;
        // no Nagle delay (a serial bridge's single bytes go at once), a 5 s connect timeout, a bounded outbound queue
        this.bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5_000)
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(queueBytes / 2, queueBytes))
                .handler(init);
    }

    /** Tries to connect now. */
    public void dial() {
        if (closed.getAsBoolean()) {
            return;
        }
        bootstrap.connect(address.host(), address.port()).addListener(f -> {
            ChannelFuture cf = (ChannelFuture) f;
            if (closed.getAsBoolean()) {
                cf.channel().close();
            } else if (!cf.isSuccess()) {
                retry("cannot connect (" + ClientConnection.reason(cf.cause()) + ")");
            } else {
                connected.accept(cf.channel());
            }
        });
    }

    /** Says why, then dials again after the next delay (unless the channel is closed). */
    public void retry(String why) {
        if (closed.getAsBoolean()) {
            return;
        }
        long wait = backoff.next();
        status.accept(why + "; reconnecting in " + wait + " ms");
        group.schedule(this::dial, wait, TimeUnit.MILLISECONDS);
    }

    /** A connection worked: the next failure waits the shortest delay again. */
    public void reset() {
        backoff.reset();
    }
}
