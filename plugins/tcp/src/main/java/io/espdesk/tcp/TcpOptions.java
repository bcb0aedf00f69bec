package io.espdesk.tcp;

import io.espdesk.api.ChannelAddress;
import java.util.Set;

/** The options of tcp:// and tcp-listen:// addresses, checked once when a link is configured. */
record TcpOptions(int max, boolean lines, int maxLine, int queueBytes, long stallMillis) {
    static final Set<String> CLIENT = Set.of("queue");
    static final Set<String> SERVER = Set.of("max", "lines", "maxline", "queue", "stall");

    static TcpOptions of(ChannelAddress a) {
        boolean server = a.scheme().equals("tcp-listen");
        a.requireKnownOptions(server ? SERVER : CLIENT);
        a.port();
        if (!server && a.host().isEmpty()) {
            throw new IllegalArgumentException("address '" + a + "' has no host (expected tcp://HOST:PORT)");
        }
        int max = intOption(a, "max", Integer.MAX_VALUE, 1);
        String lines = a.option("lines", "0");
        if (!lines.equals("0") && !lines.equals("1")) {
            throw new IllegalArgumentException("address '" + a + "': option lines must be 0 or 1");
        }
        int maxLine = intOption(a, "maxline", 4096, 1);
        int queue = intOption(a, "queue", 1 << 20, 1024);
        long stall = intOption(a, "stall", 2000, 1);
        return new TcpOptions(max, lines.equals("1"), maxLine, queue, stall);
    }

    private static int intOption(ChannelAddress a, String name, int fallback, int min) {
        String v = a.option(name, null);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < min) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("address '" + a + "': option " + name + " must be a whole number of at least " + min
                    + " (found '" + v + "')");
        }
    }
}
