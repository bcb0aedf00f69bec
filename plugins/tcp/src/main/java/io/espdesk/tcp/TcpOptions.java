package io.espdesk.tcp;

import io.espdesk.api.ChannelAddress;
import io.espdesk.netcore.AddressOptions;
import io.espdesk.netcore.HoldBuffer;
import java.util.Set;

/** The options of tcp:// and tcp-listen:// addresses, checked once when a link is configured. */
record TcpOptions(int max, boolean lines, int maxLine, int queueBytes, long stallMillis, long bufferBytes) {
    /** Store-and-forward: what is kept while the peer is away, unless ?buffer= says otherwise. */
    static final long DEFAULT_BUFFER = 1 << 20;
    static final Set<String> CLIENT = Set.of("queue", "buffer");
    static final Set<String> SERVER = Set.of("max", "lines", "maxline", "queue", "stall", "buffer");

    static TcpOptions of(ChannelAddress a) {
        boolean server = a.scheme().equals("tcp-listen");
        a.requireKnownOptions(server ? SERVER : CLIENT);
        a.port();
        if (!server) {
            AddressOptions.requireHost(a, "tcp://HOST:PORT");
        }
        String lines = a.option("lines", "0");
        if (!lines.equals("0") && !lines.equals("1")) {
            throw new IllegalArgumentException("address '" + a + "': option lines must be 0 or 1");
        }
        return new TcpOptions((int) AddressOptions.number(a, "max", Integer.MAX_VALUE, 1), lines.equals("1"),
                (int) AddressOptions.number(a, "maxline", 4096, 1), (int) AddressOptions.number(a, "queue", 1 << 20, 1024),
                AddressOptions.number(a, "stall", 2000, 1), HoldBuffer.parseSize(a, "buffer", DEFAULT_BUFFER));
    }
}
