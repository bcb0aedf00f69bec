package io.espdesk.websocket;

import io.espdesk.api.Channel;
import io.espdesk.api.ChannelAddress;
import io.espdesk.netcore.Broadcast;
import io.espdesk.netcore.ServerChannel;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A WebSocket server: any client's messages go to the link, the link's writes go to every client as messages (see
 * {@link Framing}). Accepts every subprotocol a client asks for (the Arduino library asks for "arduino") and zero
 * mask keys; answers a client that does not speak WebSocket with 400 and a line.
 */
final class WsListenChannel extends ServerChannel {
    private final WsOptions options;
    private final Framing framing;

    private WsListenChannel(ChannelAddress address, WsOptions options, Framing framing, Consumer<Channel> onClose) {
        super("ws-listen", address, options.relay(), framing::frames, onClose);
        this.options = options;
        this.framing = framing;
    }

    static WsListenChannel bind(EventLoopGroup group, ChannelAddress address, WsOptions o, Consumer<Channel> onClose) throws IOException {
        WsListenChannel t = new WsListenChannel(address, o, new Framing(o), onClose);
        WebSocketServerProtocolConfig ws = WebSocketServerProtocolConfig.newBuilder()
                .websocketPath(address.path()).subprotocols("*").maxFramePayloadLength(o.maxFrame())
                .handleCloseFrames(true).dropPongFrames(true).build();
        t.listen(group, new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel c) {
                c.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(65_536), t.new OnlyWebSocket(),
                        new WebSocketServerProtocolHandler(ws), new WebSocketFrameAggregator(o.maxFrame()));
                if (o.pingMillis() > 0) {
                    c.pipeline().addLast(new IdleStateHandler(0, o.pingMillis(), 0, TimeUnit.MILLISECONDS));
                }
                c.pipeline().addLast(t.new ClientHandler());
            }
        });
        return t;
    }

    /** Lets WebSocket upgrades on the configured path through; answers anything else with one clear response and line. */
    private final class OnlyWebSocket extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (!(msg instanceof FullHttpRequest)) {
                ctx.fireChannelRead(msg);
                return;
            }
            FullHttpRequest req = (FullHttpRequest) msg;
            String why = null;
            HttpResponseStatus status = HttpResponseStatus.BAD_REQUEST;
            if (req.decoderResult().isFailure()) {
                why = "not an HTTP request";
            } else if (!"websocket".equalsIgnoreCase(req.headers().get(HttpHeaderNames.UPGRADE))) {
                why = req.method() + " " + req.uri() + " without 'Upgrade: websocket'";
            } else if (!req.uri().split("\\?")[0].equals(address.path())) {
                why = "a WebSocket request for " + req.uri() + " (this server's path is " + address.path() + ")";
                status = HttpResponseStatus.NOT_FOUND;
            }
            if (why == null) {
                ctx.fireChannelRead(msg);
                return;
            }
            req.release();
            delivery.status("rejected a non-WebSocket client " + Broadcast.peer(ctx.channel()) + ": " + why);
            byte[] body = ("This port speaks WebSocket: connect with ws://" + ((InetSocketAddress) ctx.channel().localAddress()).getHostString()
                    + ":" + port() + address.path() + "\n").getBytes(StandardCharsets.UTF_8);
            DefaultFullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
            res.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
            res.headers().set(HttpHeaderNames.CONTENT_LENGTH, body.length);
            res.headers().set(HttpHeaderNames.CONNECTION, "close");
            ctx.writeAndFlush(res).addListener(ChannelFutureListener.CLOSE);
        }
    }

    private final class ClientHandler extends MessageHandler {
        ClientHandler() {
            super(delivery, framing, options.maxFrame());
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
            if (evt instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
                if (broadcast.admit(ctx.channel())) {
                    clientReady();
                }
            } else {
                super.userEventTriggered(ctx, evt);
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            broadcast.removed(ctx.channel());
        }

        @Override
        public void channelWritabilityChanged(ChannelHandlerContext ctx) {
            broadcast.wake();
        }
    }
}
