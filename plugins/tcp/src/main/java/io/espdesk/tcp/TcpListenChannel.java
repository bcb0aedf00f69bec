package io.espdesk.tcp;

import io.espdesk.netcore.AutoRead;
import io.espdesk.api.Channel;
import io.espdesk.api.ChannelAddress;
import io.espdesk.netcore.Broadcast;
import io.espdesk.netcore.Bytes;
import io.espdesk.netcore.ServerChannel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.buffer.PooledByteBufAllocator;
import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;

/**
 * A TCP server for many clients: what any client sends is merged towards the other side of the link (whole lines
 * with {@code ?lines=1}); what the link writes goes to every client. Each client has a bounded queue
 * ({@code ?queue=}, 1 MiB): the writer waits while a client is behind, and a client still behind after
 * {@code ?stall=} ms (2 s) is dropped with a line, so one that never reads cannot hold the others.
 * {@code ?max=N} refuses clients past N; {@code ?maxline=N} closes a client whose line is longer.
 */
final class TcpListenChannel extends ServerChannel {
    private final TcpOptions options;

    private TcpListenChannel(ChannelAddress address, TcpOptions options, Consumer<Channel> onClose) {
        // straight into a pooled direct buffer: each client's socket writes from a duplicate of it, no other copy
        super("tcp-listen", address, options.relay(),
                (d, o, l) -> List.of(PooledByteBufAllocator.DEFAULT.directBuffer(l).writeBytes(d, o, l)), onClose);
        this.options = options;
    }

    static TcpListenChannel bind(EventLoopGroup group, ChannelAddress address, TcpOptions o, Consumer<Channel> onClose) throws IOException {
        TcpListenChannel t = new TcpListenChannel(address, o, onClose);
        t.listen(group, new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel c) {
                if (o.lines()) {
                    c.pipeline().addLast(new LineBasedFrameDecoder(o.maxLine(), false, true));
                }
                c.pipeline().addLast(t.new ClientHandler());
            }
        });
        return t;
    }

    private final class ClientHandler extends ChannelInboundHandlerAdapter {
        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            if (broadcast.admit(ctx.channel())) {
                clientReady();
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            broadcast.removed(ctx.channel());
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            delivery.offer(AutoRead.of(ctx.channel()), Bytes.take(msg));
        }

        @Override
        public void channelWritabilityChanged(ChannelHandlerContext ctx) {
            broadcast.wake();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (cause instanceof TooLongFrameException) {
                delivery.status("closed client " + Broadcast.peer(ctx.channel()) + ": a line longer than " + options.maxLine()
                        + " bytes (maxline=" + options.maxLine() + ")");
            }
            ctx.close();
        }
    }
}
