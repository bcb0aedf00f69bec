package io.espdesk.websocket;

import io.espdesk.api.Channel;
import io.espdesk.api.ChannelAddress;
import io.espdesk.api.ChannelListener;
import io.espdesk.channelkit.Backoff;
import io.espdesk.netcore.ClientConnection;
import io.espdesk.netcore.Redial;
import io.espdesk.channelkit.Delivery;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.timeout.IdleStateHandler;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A WebSocket client that stays up: it connects and handshakes, and whenever that fails or the connection drops it
 * tries again every {@code reconnect} (500 ms, like the Arduino library), one line each time. Writes wait while
 * it is away (back-pressure).
 */
final class WsClientChannel implements Channel {
    private final ChannelAddress address;
    private final WsOptions options;
    private final Delivery delivery;
    private final Framing framing;
    private final Redial redial;
    private final Consumer<Channel> onClose;
    private final ClientConnection conn = new ClientConnection();
    private volatile io.netty.channel.Channel handshaking;
    private volatile String lastError;

    WsClientChannel(EventLoopGroup group, ChannelAddress address, WsOptions o, Consumer<Channel> onClose) {
        this.address = address;
        this.options = o;
        this.onClose = onClose;
        this.delivery = new Delivery("ws-client", o.queueBytes());
        this.framing = new Framing(o);
        URI uri = URI.create("ws://" + (address.host().contains(":") ? "[" + address.host() + "]" : address.host()) + ":" + address.port()
                + address.path());
        WebSocketClientProtocolConfig ws = WebSocketClientProtocolConfig.newBuilder().webSocketUri(uri).subprotocol(o.subprotocol())
                .maxFramePayloadLength(o.maxFrame()).handleCloseFrames(true).dropPongFrames(true).build();
        this.redial = new Redial(group, address, o.queueBytes(), new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel c) {
                        c.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(65_536), new WebSocketClientProtocolHandler(ws),
                                new WebSocketFrameAggregator(o.maxFrame()));
                        if (o.pingMillis() > 0) {
                            c.pipeline().addLast(new IdleStateHandler(0, o.pingMillis(), 0, TimeUnit.MILLISECONDS));
                        }
                        c.pipeline().addLast(new Handler());
                    }
                }, new Backoff(o.reconnectMillis(), o.reconnectMillis()), conn::closed, delivery::status, this::connected);
    }

    @Override
    public void start(ChannelListener listener) {
        delivery.start(listener);
        redial.dial();
    }

    /** Connected: up once the handshake is done (the handler sets the connection); lost or failed, dialled again. */
    private void connected(io.netty.channel.Channel c) {
        handshaking = c;
        c.closeFuture().addListener(x -> {
            boolean wasUp = conn.get() == c;
            conn.set(null);
            if (!conn.closed()) {
                String err = lastError;
                lastError = null;
                redial.retry(wasUp ? "connection lost" : "handshake failed" + (err == null ? "" : " (" + err + ")"));
            }
        });
    }

    @Override
    public void write(byte[] data, int offset, int length) throws IOException {
        List<WebSocketFrame> frames = framing.frames(data, offset, length);
        int sent = 0;
        try {
            for (WebSocketFrame f : frames) {
                conn.write(c -> f, true);
                sent++;
            }
        } finally {
            for (int i = sent; i < frames.size(); i++) {
                frames.get(i).release(); // not handed to Netty: ours to release
            }
        }
    }

    @Override
    public void close() {
        if (conn.closed()) {
            return;
        }
        conn.close();
        io.netty.channel.Channel h = handshaking;
        if (h != null) {
            h.close();
        }
        delivery.end("closed");
        onClose.accept(this);
    }

    @Override
    public String describe() {
        return address + (conn.get() != null ? " (connected)" : " (connecting)");
    }

    private final class Handler extends MessageHandler {
        Handler() {
            super(delivery, framing, options.maxFrame());
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
            if (evt == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
                conn.set(ctx.channel());
                delivery.status("connected");
            } else {
                super.userEventTriggered(ctx, evt);
            }
        }

        @Override
        public void channelWritabilityChanged(ChannelHandlerContext ctx) {
            conn.wake();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            lastError = cause.getMessage();
            super.exceptionCaught(ctx, cause);
        }
    }
}
