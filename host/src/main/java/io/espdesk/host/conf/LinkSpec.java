package io.espdesk.host.conf;

import io.espdesk.api.ChannelAddress;
import java.util.Set;

/** One link: two channel addresses joined both ways. */
public record LinkSpec(String name, ChannelAddress a, ChannelAddress b) {
    private static final Set<String> LOOPBACK = Set.of("", "127.0.0.1", "localhost", "::1");

    /** A name that tells links apart without being given one: both addresses, shortened ({@code tcp-listen:8888<->stdio}). */
    public static String defaultName(ChannelAddress a, ChannelAddress b) {
        return shorten(a) + "<->" + shorten(b);
    }

    /**
     * An address as a few characters: options dropped, a loopback host dropped ({@code tcp:7000}), a device path cut
     * to its last part ({@code serial:ttyUSB0}), a board by its name ({@code board:left}).
     */
    static String shorten(ChannelAddress x) {
        String body = x.body();
        if (body.isEmpty()) {
            return x.scheme();
        }
        if (body.startsWith("/")) {
            return x.scheme() + ":" + body.substring(body.lastIndexOf('/') + 1);
        }
        try {
            int port = x.port();
            return x.scheme() + ":" + (LOOPBACK.contains(x.host()) ? "" : x.host() + ":") + port;
        } catch (IllegalArgumentException noPort) {
            return x.scheme() + ":" + x.host();
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
