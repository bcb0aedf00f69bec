package io.espdesk.websocket;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns the bytes a link writes into WebSocket messages the way the Arduino WebSockets library can take them: whole
 * messages (never fragments) of at most 15 KiB each, a longer write split into several; text when the bytes are
 * UTF-8 (cut only between characters), binary otherwise. In line mode, one message per line, without its newline.
 */
final class Framing {
    /** The Arduino library refuses payloads over 15 KiB (close code 1009). */
    static final int MAX_MESSAGE = 15 * 1024;

    private final boolean lineMode;
    private final String type;
    private final ByteArrayOutputStream partialLine = new ByteArrayOutputStream();

    Framing(WsOptions o) {
        this.lineMode = o.lineMode();
        this.type = o.type();
    }

    /** The frames for one write (line mode may hold back an unfinished line). Each frame has one reference. */
    synchronized List<WebSocketFrame> frames(byte[] data, int off, int len) {
        List<WebSocketFrame> out = new ArrayList<>();
        if (!lineMode) {
            message(Arrays.copyOfRange(data, off, off + len), out);
            return out;
        }
        for (int i = off; i < off + len; i++) {
            byte b = data[i];
            if (b == '\n') {
                byte[] line = partialLine.toByteArray();
                partialLine.reset();
                int n = line.length > 0 && line[line.length - 1] == '\r' ? line.length - 1 : line.length;
                message(Arrays.copyOf(line, n), out);
            } else {
                partialLine.write(b);
            }
        }
        return out;
    }

    private void message(byte[] payload, List<WebSocketFrame> out) {
        boolean text = type.equals("text") || type.equals("auto") && utf8(payload);
        int pos = 0;
        do {
            int end = Math.min(payload.length, pos + MAX_MESSAGE);
            if (text) {
                while (end < payload.length && end > pos && (payload[end] & 0xC0) == 0x80) {
                    end--; // never cut a UTF-8 character in two
                }
            }
            byte[] piece = Arrays.copyOfRange(payload, pos, end);
            out.add(text ? new TextWebSocketFrame(Unpooled.wrappedBuffer(piece)) : new BinaryWebSocketFrame(Unpooled.wrappedBuffer(piece)));
            pos = end;
        } while (pos < payload.length);
    }

    private static boolean utf8(byte[] b) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** What a received message becomes on the byte stream: its payload, plus a newline in line mode. */
    byte[] incoming(byte[] payload) {
        if (!lineMode) {
            return payload;
        }
        byte[] out = Arrays.copyOf(payload, payload.length + 1);
        out[payload.length] = '\n';
        return out;
    }
}
