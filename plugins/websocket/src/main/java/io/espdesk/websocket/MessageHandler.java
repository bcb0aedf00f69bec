package io.espdesk.websocket;

import io.espdesk.netcore.AutoRead;
import io.espdesk.netcore.Broadcast;
import io.espdesk.channelkit.Delivery;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.timeout.IdleStateEvent;

/**
 * Received messages (text or binary, reassembled when a peer fragments them) go to the link; the heartbeat sends
 * pings when the connection is idle; a message over the limit closes the connection with 1009, with a line.
 * Pings from the peer are answered by Netty's protocol handler as they arrive.
 */
class MessageHandler extends SimpleChannelInboundHandler<WebSocketFrame> {
    private final Delivery delivery;
    private final Framing framing;
    private final int maxFrame;

    MessageHandler(Delivery delivery, Framing framing, int maxFrame) {
        this.delivery = delivery;
        this.framing = framing;
        this.maxFrame = maxFrame;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        if (frame instanceof TextWebSocketFrame || frame instanceof BinaryWebSocketFrame) {
            delivery.offer(AutoRead.of(ctx.channel()), framing.incoming(ByteBufUtil.getBytes(frame.content())));
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof IdleStateEvent) {
            ctx.writeAndFlush(new PingWebSocketFrame());
        } else {
            super.userEventTriggered(ctx, evt);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof CorruptedWebSocketFrameException || cause instanceof TooLongFrameException) {
            delivery.status("closed " + Broadcast.peer(ctx.channel()) + ": a message larger than " + maxFrame + " bytes (maxframe="
                    + maxFrame + "), close code 1009");
            ctx.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.MESSAGE_TOO_BIG)).addListener(f -> ctx.close());
            return;
        }
        ctx.close();
    }
}
