package io.espdesk.tcp;

import io.espdesk.api.ChannelAddress;
import io.espdesk.channelkit.AddressOptions;
import io.espdesk.channelkit.RelayOptions;
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
}
