package io.espdesk.websocket;

import io.espdesk.api.ChannelAddress;
import io.espdesk.channelkit.AddressOptions;
import io.espdesk.channelkit.HoldBuffer;
import java.util.Set;

/**
 * Options of ws:// and ws-listen:// addresses.
 *
 * @param lineMode   {@code frame=line}: a byte stream becomes one message per line (and messages become lines)
 * @param type       {@code auto} (text when the bytes are UTF-8, else binary), {@code text} or {@code binary}
 * @param pingMillis heartbeat ping interval, 0 = none ({@code ping=15s})
 * @param maxFrame   largest message accepted ({@code maxframe=}, 65536); a larger one closes with 1009
 * @param reconnectMillis client reconnect interval ({@code reconnect=500ms}, the Arduino library's default)
 * @param subprotocol client's requested subprotocol ({@code subprotocol=arduino}), or null
 */
record WsOptions(boolean lineMode, String type, long pingMillis, int maxFrame, long reconnectMillis, String subprotocol, int max,
                 int queueBytes, long stallMillis, long bufferBytes) {
    static final Set<String> CLIENT = Set.of("frame", "type", "ping", "maxframe", "reconnect", "subprotocol", "queue");
    static final Set<String> SERVER = Set.of("frame", "type", "ping", "maxframe", "max", "queue", "stall", "buffer");

    static WsOptions of(ChannelAddress a) {
        boolean server = a.scheme().equals("ws-listen");
        a.requireKnownOptions(server ? SERVER : CLIENT);
        a.port();
        if (!server) {
            AddressOptions.requireHost(a, "ws://HOST:PORT/PATH");
        }
        String frame = a.option("frame", "write");
        if (!frame.equals("write") && !frame.equals("line")) {
            throw new IllegalArgumentException("address '" + a + "': option frame must be write or line (found '" + frame + "')");
        }
        String type = a.option("type", "auto");
        if (!Set.of("auto", "text", "binary").contains(type)) {
            throw new IllegalArgumentException("address '" + a + "': option type must be auto, text or binary (found '" + type + "')");
        }
        return new WsOptions(frame.equals("line"), type, AddressOptions.millis(a, "ping", 0),
                (int) AddressOptions.number(a, "maxframe", 65_536, 16), AddressOptions.millis(a, "reconnect", 500), a.option("subprotocol", null),
                (int) AddressOptions.number(a, "max", Integer.MAX_VALUE, 1), (int) AddressOptions.number(a, "queue", 1 << 20, 1024),
                AddressOptions.number(a, "stall", 2000, 1), HoldBuffer.parseSize(a, "buffer", 0));
    }
}
