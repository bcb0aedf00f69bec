package io.espdesk.channelkit;

import io.espdesk.api.ChannelAddress;
import java.util.Set;

/**
 * How much a channel holds, the same options for every scheme that has them: {@code ?queue=} bytes queued per socket
 * (1 MiB), {@code ?buffer=} kept while the far side is away (store-and-forward), and for listeners {@code ?max=}
 * clients and {@code ?stall=} ms a client may read nothing before it is dropped (2 s).
 */
public record RelayOptions(int max, int queueBytes, long stallMillis, long bufferBytes) {
    /** The options a listening scheme takes from here. */
    public static final Set<String> SERVER_KEYS = Set.of("max", "queue", "stall", "buffer");

    /** A listening scheme's known options: these, and its own. */
    public static Set<String> serverKeysWith(String... schemeKeys) {
        Set<String> all = new java.util.HashSet<>(SERVER_KEYS);
        all.addAll(Set.of(schemeKeys));
        return Set.copyOf(all);
    }

    /** Reads them from {@code a}; {@code defaultBuffer} is the scheme's own default for {@code ?buffer=}. */
    public static RelayOptions of(ChannelAddress a, long defaultBuffer) {
        return new RelayOptions((int) AddressOptions.number(a, "max", Integer.MAX_VALUE, 1), (int) AddressOptions.number(a, "queue", 1 << 20, 1024),
                AddressOptions.number(a, "stall", 2000, 1), HoldBuffer.parseSize(a, "buffer", defaultBuffer));
    }
}
