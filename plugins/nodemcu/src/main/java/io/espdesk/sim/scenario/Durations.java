package io.espdesk.sim.scenario;

import io.espdesk.api.json.JsonNode;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them in sim.json and on the command line: {@code 60s}, {@code 500ms}, {@code 2m}, {@code 24h}, {@code 1d}, {@code 1.5s}. */
public final class Durations {
    private static final Pattern P = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(us|ms|s|m|h|d)");

    private Durations() {
    }

    /** @throws IllegalArgumentException naming the expected form */
    public static Duration parse(String text) {
        Matcher m = P.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("expected a duration such as 60s, 500ms, 2m, 24h but found \"" + text + "\"");
        }
        double v = Double.parseDouble(m.group(1));
        double unitMicros;
        switch (m.group(2)) {
            case "us": unitMicros = 1; break;
            case "ms": unitMicros = 1e3; break;
            case "s": unitMicros = 1e6; break;
            case "m": unitMicros = 60e6; break;
            case "h": unitMicros = 3600e6; break;
            default: unitMicros = 86400e6; break;
        }
        return Duration.ofNanos(Math.round(v * unitMicros) * 1000);
    }

    /** A duration value of sim.json: {@code "45s"} or a number of seconds; an error at the value otherwise. */
    public static Duration of(JsonNode n) {
        if (n.kind() == JsonNode.Kind.NUMBER) {
            return Duration.ofNanos((long) (n.asNumber() * 1e9));
        }
        try {
            return parse(n.asString());
        } catch (IllegalArgumentException e) {
            throw n.error(e.getMessage());
        }
    }

    /** As a person writes it: {@code 45s}, {@code 1.5s}, {@code 250ms}, {@code 2h}. */
    public static String shortText(Duration d) {
        long ms = d.toMillis();
        if (ms % 3_600_000 == 0 && ms > 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms % 60_000 == 0 && ms >= 60_000) {
            return ms / 60_000 + "m";
        }
        if (ms % 1000 == 0) {
            return ms / 1000 + "s";
        }
        return ms < 1000 ? ms + "ms" : (ms / 1000.0) + "s";
    }

    /** {@code 60.0 s}, {@code 24.0 h}. */
    public static String human(Duration d) {
        double s = d.toNanos() / 1e9;
        if (s >= 3600 * 2) {
            return String.format("%.1f h", s / 3600);
        }
        return String.format("%.1f s", s);
    }
}
