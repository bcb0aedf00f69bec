package io.espdesk.websocket;

import io.espdesk.api.ChannelAddress;
import io.espdesk.api.SchemeHelp;
import io.espdesk.channelkit.AddressOptions;
import io.espdesk.channelkit.RelayOptions;
import java.util.LinkedHashMap;
import java.util.Map;
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

    /** What espdesk link --help says of ws:// and ws-listen:// (the keys are exactly CLIENT and SERVER). */
    static SchemeHelp help(String scheme) {
        Map<String, String> o = new LinkedHashMap<>();
        o.put("frame=line", "each line one message and each message a line (write: a message per write)");
        o.put("type=text|binary", "the messages' type (auto: text when the bytes are UTF-8)");
        o.put("ping=15s", "heartbeat pings (none)");
        o.put("maxframe=BYTES", "the largest message taken; a larger one closes with 1009 (65536)");
        o.put("queue=BYTES", "bytes queued towards each socket before writes wait (1M)");
        if (scheme.equals("ws")) {
            o.put("reconnect=500ms", "how often to try again while the server is away (500ms, as the Arduino library)");
            o.put("subprotocol=NAME", "the subprotocol to ask for, e.g. arduino (none)");
            return new SchemeHelp("ws://HOST:PORT/PATH", "a WebSocket client; reconnects by itself", o);
        }
        o.put("max=N", "clients at most; more are refused with a line (no limit)");
        o.put("buffer=SIZE", "kept while no client is connected, for the first one (64K; 0: dropped)");
        o.put("stall=MS", "how long a client may read nothing before it is dropped (2000)");
        return new SchemeHelp("ws-listen://[BIND]:PORT/PATH", "a WebSocket server for many clients, on 127.0.0.1 unless BIND says otherwise", o);
    }
}
