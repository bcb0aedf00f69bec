package io.espdesk.channelkit;

import io.espdesk.api.ChannelAddress;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads numeric options of an address, with one clear error for a bad value. */
public final class AddressOptions {
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m)?");

    private AddressOptions() {
    }

    /** A whole number of at least {@code min}, or {@code fallback} when absent. */
    public static long number(ChannelAddress a, String name, long fallback, long min) {
        String v = a.option(name, null);
        if (v == null) {
            return fallback;
        }
        try {
            long n = Long.parseLong(v);
            if (n < min) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("address '" + a + "': option " + name + " must be a whole number of at least " + min
                    + " (found '" + v + "')");
        }
    }

    /** Milliseconds from {@code 15s}, {@code 500ms}, {@code 2m} or a bare number of milliseconds. */
    public static long millis(ChannelAddress a, String name, long fallback) {
        String v = a.option(name, null);
        if (v == null) {
            return fallback;
        }
        Matcher m = DURATION.matcher(v);
        if (!m.matches()) {
            throw new IllegalArgumentException("address '" + a + "': option " + name + " must be a duration such as 15s or 500ms (found '"
                    + v + "')");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "ms" : m.group(2);
        return unit.equals("ms") ? n : unit.equals("s") ? n * 1000 : n * 60_000;
    }

    /**
     * Checks what every client/listener scheme pair checks first: known options, a port, and a host for the client.
     *
     * @return whether {@code a} is the listening scheme
     */
    public static boolean endpoint(ChannelAddress a, String listenScheme, Set<String> clientKeys, Set<String> serverKeys, String clientForm) {
        boolean server = a.scheme().equals(listenScheme);
        a.requireKnownOptions(server ? serverKeys : clientKeys);
        a.port();
        if (!server) {
            requireHost(a, clientForm);
        }
        return server;
    }

    /** A client address needs a host. */
    public static void requireHost(ChannelAddress a, String form) {
        if (a.host().isEmpty()) {
            throw new IllegalArgumentException("address '" + a + "' has no host (expected " + form + ")");
        }
    }
}
