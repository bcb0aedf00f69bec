package io.espdesk.channelkit;

import java.util.Random;

/** Test data for the relay tests (shared through netcore's test jar). */
public final class TestBytes {
    private TestBytes() {
    }

    /** {@code n} random bytes from {@code seed} that start with every byte value, 0 to 255, control characters included. */
    public static byte[] everyValue(int n, long seed) {
        byte[] d = new byte[n];
        new Random(seed).nextBytes(d);
        for (int i = 0; i < Math.min(256, n); i++) {
            d[i] = (byte) i;
        }
        return d;
    }
}
