package io.espdesk.tcp;

import io.espdesk.api.ChannelAddress;
import io.espdesk.api.SchemeHelp;
import io.espdesk.channelkit.AddressOptions;
import io.espdesk.channelkit.RelayOptions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The options of tcp:// and tcp-listen:// addresses, checked once when a link is configured. */
record TcpOptions(RelayOptions relay, boolean lines, int maxLine, boolean resume) {
    /** Store-and-forward: what is kept while the peer is away, unless ?buffer= says otherwise. */
    static final long DEFAULT_BUFFER = 1 << 20;
    static final Set<String> CLIENT = Set.of("queue", "buffer", "resume");
    static final Set<String> SERVER = RelayOptions.serverKeysWith("lines", "maxline", "resume");

    static TcpOptions of(ChannelAddress a) {
        AddressOptions.endpoint(a, "tcp-listen", CLIENT, SERVER, "tcp://HOST:PORT");
        String lines = a.option("lines", "0");
        if (!lines.equals("0") && !lines.equals("1")) {
            throw new IllegalArgumentException("address '" + a + "': option lines must be 0 or 1");
        }
        String resume = a.option("resume", "off");
        if (!resume.equals("on") && !resume.equals("off")) {
            throw new IllegalArgumentException("address '" + a + "': option resume must be on or off (found '" + resume + "')");
        }
        TcpOptions o = new TcpOptions(RelayOptions.of(a, DEFAULT_BUFFER), lines.equals("1"), (int) AddressOptions.number(a, "maxline", 4096, 1),
                resume.equals("on"));
        if (o.resume()) {
            for (String k : new String[] {"lines", "max", "maxline", "stall"}) {
                if (a.options().containsKey(k)) {
                    throw new IllegalArgumentException("address '" + a + "': resume=on relays one peer's bytes exactly; option " + k
                            + " does not apply to it");
                }
            }
            if (o.bufferBytes() == 0) {
                throw new IllegalArgumentException("address '" + a + "': resume=on keeps what the peer has not acknowledged in the buffer;"
                        + " buffer=0 leaves no room for it");
            }
        }
        return o;
    }

    int queueBytes() {
        return relay.queueBytes();
    }

    long bufferBytes() {
        return relay.bufferBytes();
    }

    /** What espdesk link --help says of tcp:// and tcp-listen:// (the keys are exactly CLIENT and SERVER). */
    static SchemeHelp help(String scheme) {
        Map<String, String> o = new LinkedHashMap<>();
        if (scheme.equals("tcp")) {
            o.put("buffer=SIZE", "kept while the peer is away, delivered first when it is back (1M; 0: writes wait instead)");
            o.put("queue=BYTES", "bytes queued towards the socket before writes wait (1M)");
            o.put("resume=on", "with another espdesk: every byte arrives once across drops and restarts (off)");
            return new SchemeHelp("tcp://HOST:PORT", "a TCP client; reconnects with back-off, 0.1 s doubling to 5 s", o);
        }
        o.put("max=N", "clients at most; more are refused with a line (no limit)");
        o.put("buffer=SIZE", "kept while no client is connected, for the first one (1M; 0: dropped)");
        o.put("queue=BYTES", "each client's queue; the writer waits while a client is behind (1M)");
        o.put("stall=MS", "how long a client may read nothing before it is dropped (2000)");
        o.put("lines=1", "deliver whole lines only (0)");
        o.put("maxline=N", "with lines=1, a longer line closes its client (4096)");
        o.put("resume=on", "one peer espdesk, every byte once across drops and restarts (off)");
        return new SchemeHelp("tcp-listen://[BIND]:PORT", "a TCP server for many clients, on 127.0.0.1 unless BIND says otherwise", o);
    }
}
