package io.espdesk.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A parsed channel address: {@code scheme://host:port/path?key=value&...} or {@code scheme:rest?key=value}.
 * Immutable. Parsing is lenient about what follows the scheme, because each scheme owns its syntax;
 * providers use {@link #host()}, {@link #port()}, {@link #path()} and {@link #option} and check the rest.
 */
public final class ChannelAddress {
    private final String text;
    private final String scheme;
    private final String body;
    private final Map<String, String> options;

    private ChannelAddress(String text, String scheme, String body, Map<String, String> options) {
        this.text = text;
        this.scheme = scheme;
        this.body = body;
        this.options = options;
    }

    /**
     * Parses an address.
     *
     * @throws IllegalArgumentException with a one-line reason when the text has no scheme or a malformed option
     */
    public static ChannelAddress parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty address (expected e.g. tcp://127.0.0.1:7000)");
        }
        String t = text.trim();
        int colon = t.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("address '" + t + "' has no scheme (expected e.g. tcp://127.0.0.1:7000 or stdio:)");
        }
        String scheme = t.substring(0, colon).toLowerCase();
        if (!scheme.matches("[a-z][a-z0-9+.-]*")) {
            throw new IllegalArgumentException("address '" + t + "' has an invalid scheme '" + scheme + "'");
        }
        String rest = t.substring(colon + 1);
        String query = "";
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        Map<String, String> opts = new LinkedHashMap<>();
        if (!query.isEmpty()) {
            for (String pair : query.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String k = eq < 0 ? pair : pair.substring(0, eq);
                String v = eq < 0 ? "" : pair.substring(eq + 1);
                if (k.isEmpty()) {
                    throw new IllegalArgumentException("address '" + t + "' has an option without a name: '" + pair + "'");
                }
                if (opts.put(k, v) != null) {
                    throw new IllegalArgumentException("address '" + t + "' repeats the option '" + k + "'");
                }
            }
        }
        String body = rest.startsWith("//") ? rest.substring(2) : rest;
        return new ChannelAddress(t, scheme, body, Collections.unmodifiableMap(opts));
    }

    /** The scheme, lower case, e.g. {@code tcp-listen}. */
    public String scheme() {
        return scheme;
    }

    /** What stands between the scheme (and its "//") and the options: {@code 127.0.0.1:7000/path}, {@code /dev/ttyUSB0}. */
    public String body() {
        return body;
    }

    /** The host part of {@code host:port[/path]}, with IPv6 brackets removed; empty when absent ({@code tcp-listen://:7000}). */
    public String host() {
        String hp = hostPort();
        if (hp.startsWith("[")) {
            int end = hp.indexOf(']');
            return end < 0 ? hp : hp.substring(1, end);
        }
        int c = hp.lastIndexOf(':');
        return c < 0 ? hp : hp.substring(0, c);
    }

    /**
     * The port of {@code host:port[/path]}.
     *
     * @throws IllegalArgumentException when it is missing or not in 1..65535 (0 is allowed: "any free port")
     */
    public int port() {
        String hp = hostPort();
        int close = hp.lastIndexOf(']');
        int c = hp.lastIndexOf(':');
        if (c < 0 || c < close) {
            throw new IllegalArgumentException("address '" + text + "' has no port (expected HOST:PORT)");
        }
        String p = hp.substring(c + 1);
        try {
            int port = Integer.parseInt(p);
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("address '" + text + "' has a bad port '" + p + "' (expected 0-65535)");
        }
    }

    /** The path after {@code host:port}, starting with "/", or "/" when absent. */
    public String path() {
        int slash = body.indexOf('/');
        return slash < 0 ? "/" : body.substring(slash);
    }

    private String hostPort() {
        int slash = body.indexOf('/');
        return slash < 0 ? body : body.substring(0, slash);
    }

    /** The option {@code name} from {@code ?name=value}, or {@code fallback} when absent. */
    public String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    /** All options in the order written. */
    public Map<String, String> options() {
        return options;
    }

    /**
     * Rejects options this scheme does not know, so that a typo never passes silently.
     *
     * @throws IllegalArgumentException naming the unknown option and the known ones
     */
    public void requireKnownOptions(Set<String> known) {
        for (String k : options.keySet()) {
            if (!known.contains(k)) {
                throw new IllegalArgumentException("address '" + text + "': unknown option '" + k + "' (known: "
                        + (known.isEmpty() ? "none" : String.join(", ", new TreeSet<>(known))) + ")");
            }
        }
    }

    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChannelAddress && ((ChannelAddress) o).text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }
}
