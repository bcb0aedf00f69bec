package io.espdesk.sim.scenario;

import io.espdesk.api.json.JsonNode;
import io.espdesk.sim.BoardHandle;
import io.espdesk.sim.Simulation;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads the {@code steps} of sim.json, each one line of faults or inputs, at a virtual time or after a board
 * printed something:
 * <pre>
 * {"at": "30s", "powerCycle": "server", "off": "2s"}
 * {"at": "60s", "outOfRange": "client"}           {"at": "90s", "inRange": "client"}
 * {"at": "40s", "restartAp": "server", "off": "5s"}
 * {"at": "10s", "cut": ["server", "client"]}      {"at": "20s", "restore": ["server", "client"]}
 * {"at": "10s", "slow": ["a", "b"], "latency": "200ms", "loss": 0.1}
 * {"at": "5s", "type": "client", "text": "abc\n"}  (or "hex": "00ff")
 * {"at": "3s", "drive": "sensor", "pin": 5, "level": 0}
 * {"when": {"board": "client", "prints": "Connected"}, "delay": "1s", "powerCycle": "server"}
 * </pre>
 */
public final class Steps {
    static final Set<String> KEYS = Set.of("at", "when", "delay", "powerCycle", "off", "outOfRange", "inRange", "restartAp", "cut",
            "restore", "slow", "latency", "jitter", "loss", "type", "text", "hex", "drive", "pin", "level");
    static final List<String> ACTIONS = List.of("powerCycle", "outOfRange", "inRange", "restartAp", "cut", "restore", "slow", "type", "drive");

    private Steps() {
    }

    /** One step: its action, at a virtual time or a delay after a board first prints a pattern. */
    record Step(Duration at, String whenBoard, Pattern whenPrints, Duration delay, Consumer<Simulation> action) {
        /** Arms the step in one run. */
        void schedule(Simulation sim) {
            if (at != null) {
                sim.at(at, () -> action.accept(sim));
                return;
            }
            boolean[] fired = {false};
            sim.onLine(l -> {
                if (!fired[0] && l.board().equals(whenBoard) && whenPrints.matcher(l.text()).find()) {
                    fired[0] = true;
                    sim.at(sim.now().plus(delay), () -> action.accept(sim));
                }
            });
        }
    }

    /** Reads and checks every step (an error names the file, line and column). */
    static List<Step> parse(List<JsonNode> steps, Set<String> boards) {
        List<Step> out = new ArrayList<>();
        for (JsonNode n : steps) {
            n.requireObject("a step").allowKeys(KEYS);
            Consumer<Simulation> action = action(n, boards);
            Duration delay = n.has("delay") ? Durations.of(n.get("delay")) : Duration.ZERO;
            if (n.has("at") == n.has("when")) {
                throw n.error("a step needs either \"at\" (a virtual time) or \"when\" (a board printing a pattern)");
            }
            if (n.has("at")) {
                out.add(new Step(Durations.of(n.get("at")).plus(delay), null, null, delay, action));
            } else {
                JsonNode w = n.get("when").requireObject("a condition {\"board\": …, \"prints\": …}").allowKeys(Set.of("board", "prints"));
                String board = board(w.require("board"), boards);
                out.add(new Step(null, board, regex(w.require("prints")), delay, action));
            }
        }
        return out;
    }

    static Pattern regex(JsonNode n) {
        try {
            return Pattern.compile(n.asString());
        } catch (PatternSyntaxException e) {
            throw n.error("malformed regex: " + e.getDescription() + " near index " + e.getIndex());
        }
    }

    private static String board(JsonNode n, Set<String> boards) {
        String b = n.asString();
        if (!boards.contains(b)) {
            throw n.error("unknown board \"" + b + "\" (boards: " + String.join(", ", boards) + ")");
        }
        return b;
    }

    private static String[] pair(JsonNode n, Set<String> boards) {
        List<JsonNode> items = n.items();
        if (items.size() != 2) {
            throw n.error("expected two boards, e.g. [\"server\", \"client\"]");
        }
        return new String[] {board(items.get(0), boards), board(items.get(1), boards)};
    }

    private static Consumer<Simulation> action(JsonNode n, Set<String> boards) {
        String kind = null;
        for (String a : ACTIONS) {
            if (n.has(a)) {
                if (kind != null) {
                    throw n.get(a).error("one action per step (this one has " + kind + " and " + a + ")");
                }
                kind = a;
            }
        }
        if (kind == null) {
            throw n.error("unknown step: expected one of " + String.join(", ", ACTIONS));
        }
        switch (kind) {
            case "powerCycle": {
                String b = board(n.get(kind), boards);
                long off = n.has("off") ? Durations.of(n.get("off")).toMillis() : 1000;
                return sim -> sim.board(b).powerCycle(off);
            }
            case "restartAp": {
                String b = board(n.get(kind), boards);
                long off = n.has("off") ? Durations.of(n.get("off")).toMillis() : 1000;
                return sim -> sim.board(b).restartAccessPoint(off);
            }
            case "outOfRange":
            case "inRange": {
                String b = board(n.get(kind), boards);
                boolean in = kind.equals("inRange");
                return sim -> sim.board(b).inRange(in);
            }
            case "cut":
            case "restore": {
                String[] p = pair(n.get(kind), boards);
                boolean cut = kind.equals("cut");
                return sim -> sim.cut(p[0], p[1], cut);
            }
            case "slow": {
                String[] p = pair(n.get(kind), boards);
                Duration lat = n.has("latency") ? Durations.of(n.get("latency")) : Duration.ofMillis(100);
                Duration jit = n.has("jitter") ? Durations.of(n.get("jitter")) : Duration.ZERO;
                double loss = n.has("loss") ? n.get("loss").asNumber() : 0;
                if (loss < 0 || loss >= 1) {
                    throw n.get("loss").error("expected a loss rate from 0 to below 1");
                }
                return sim -> sim.linkQuality(p[0], p[1], lat, jit, loss);
            }
            case "type": {
                String b = board(n.get(kind), boards);
                byte[] bytes;
                if (n.has("hex")) {
                    try {
                        bytes = HexFormat.of().parseHex(n.get("hex").asString().replace(" ", ""));
                    } catch (IllegalArgumentException e) {
                        throw n.get("hex").error("expected hex digits such as \"00ff10\"");
                    }
                } else {
                    bytes = n.require("text").asString().getBytes(StandardCharsets.ISO_8859_1);
                }
                byte[] data = bytes;
                return sim -> {
                    BoardHandle h = sim.board(b);
                    h.type(data);
                };
            }
            default: { // drive
                String b = board(n.get(kind), boards);
                int pin = (int) n.require("pin").asLong(0, 12);
                int level = (int) n.require("level").asLong(0, 1);
                return sim -> sim.board(b).setInput(pin, level);
            }
        }
    }
}
