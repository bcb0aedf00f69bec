package io.espdesk.websocket;

import io.espdesk.api.ChannelAddress;
import io.espdesk.channelkit.AddressOptions;
import io.espdesk.channelkit.RelayOptions;
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
 * @param relay      queue per socket, and for ws-listen clients at most, stall limit, what is kept while none is connected
 */
record WsOptions(boolean lineMode, String type, long pingMillis, int maxFrame, long reconnectMillis, String subprotocol,
                 RelayOptions relay) {
    /**
     * What a ws-listen keeps while no client is connected, unless ?buffer= says otherwise: enough for the first
     * messages of a peer that starts before its first client (a script sending every 2 s), small enough that a late
     * dashboard is not flooded with stale readings.
     */
    static final long DEFAULT_BUFFER = 64 << 10;
    static final Set<String> CLIENT = Set.of("frame", "type", "ping", "maxframe", "reconnect", "subprotocol", "queue");
    static final Set<String> SERVER = RelayOptions.serverKeysWith("frame", "type", "ping", "maxframe");

    static WsOptions of(ChannelAddress a) {
        AddressOptions.endpoint(a, "ws-listen", CLIENT, SERVER, "ws://HOST:PORT/PATH");
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
                RelayOptions.of(a, DEFAULT_BUFFER));
    }

    int queueBytes() {
        return relay.queueBytes();
    }
}
