package io.espdesk.sim.scenario;

import io.espdesk.api.json.JsonNode;
import io.espdesk.sim.ConsoleLine;
import io.espdesk.sim.Simulation;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads the {@code expect} entries of sim.json:
 * <pre>
 * {"board": "server", "prints": "Received", "within": "30s"}
 * {"board": "server", "prints": "Received", "atLeast": 10, "after": "60s"}
 * {"board": "client", "prints": "PANIC", "never": true}
 * {"board": "b", "emits": "abcd"}            (or "emitsHex": "00ff"): exactly these uart.write bytes
 * {"board": "x", "rebootsAtMost": 1}
 * {"board": "x", "gpio": 4, "reads": 1, "at": "30s"}
 * </pre>
 */
public final class Expectations {
    static final Set<String> KEYS = Set.of("board", "prints", "within", "atLeast", "atMost", "never", "after", "emits", "emitsHex",
            "rebootsAtMost", "gpio", "reads", "at");

    private Expectations() {
    }

    /** Reads and checks one expectation (an error names the file, line and column). */
    static Expectation parse(JsonNode n, Set<String> boards) {
        n.requireObject("an expectation").allowKeys(KEYS);
        JsonNode boardNode = n.require("board");
        String board = boardNode.asString();
        if (!boards.contains(board)) {
            throw boardNode.error("unknown board \"" + board + "\" (boards: " + String.join(", ", boards) + ")");
        }
        if (n.has("prints")) {
            return prints(n, board);
        }
        if (n.has("emits") || n.has("emitsHex")) {
            byte[] want = n.has("emits") ? n.get("emits").asString().getBytes(StandardCharsets.ISO_8859_1) : hex(n.get("emitsHex"));
            String shown = n.has("emits") ? "\"" + n.get("emits").asString().replace("\n", "\\n").replace("\r", "\\r") + "\"" : want.length + " bytes";
            return new Expectation() {
                public String board() {
                    return board;
                }

                public String describe() {
                    return board + " emits exactly " + shown + " on its UART";
                }

                public Outcome check(RunRecord r) {
                    byte[] got = r.sim().board(board).uartWrites();
                    if (java.util.Arrays.equals(got, want)) {
                        return new Outcome(true, got.length + " bytes, identical");
                    }
                    int i = 0;
                    while (i < got.length && i < want.length && got[i] == want[i]) {
                        i++;
                    }
                    return new Outcome(false, got.length + " bytes, first difference at byte " + i);
                }
            };
        }
        if (n.has("rebootsAtMost")) {
            long max = n.get("rebootsAtMost").asLong(0, Integer.MAX_VALUE);
            return new Expectation() {
                public String board() {
                    return board;
                }

                public String describe() {
                    return board + " reboots no more than " + max + " times";
                }

                public Outcome check(RunRecord r) {
                    int reboots = r.sim().board(board).boots() - 1;
                    return new Outcome(reboots <= max, reboots + " reboots");
                }
            };
        }
        if (n.has("gpio")) {
            int pin = (int) n.get("gpio").asLong(0, 12);
            int level = (int) n.require("reads").asLong(0, 1);
            Duration at = Durations.of(n.require("at"));
            String key = board + "/" + pin + "@" + at.toNanos();
            return new Expectation() {
                public String board() {
                    return board;
                }

                @Override
                public void arm(Simulation sim, RunRecord record) {
                    sim.at(at, () -> record.probe(key, sim.board(board).pinLevel(pin)));
                }

                public String describe() {
                    return board + " GPIO " + pin + " reads " + level + " at " + Durations.shortText(at);
                }

                public Outcome check(RunRecord r) {
                    Integer got = r.probed(key);
                    return new Outcome(got != null && got == level, got == null ? "the run ended before then" : "read " + got);
                }
            };
        }
        throw n.error("an expectation needs one of: prints, emits, emitsHex, rebootsAtMost, gpio");
    }

    private static String times(long n) {
        return n == 1 ? "once" : n + " times";
    }

    private static byte[] hex(JsonNode n) {
        try {
            return HexFormat.of().parseHex(n.asString().replace(" ", ""));
        } catch (IllegalArgumentException e) {
            throw n.error("expected hex digits such as \"00ff10\": " + e.getMessage());
        }
    }

    private static Expectation prints(JsonNode n, String board) {
        JsonNode pn = n.get("prints");
        Pattern p;
        try {
            p = Pattern.compile(pn.asString());
        } catch (PatternSyntaxException e) {
            throw pn.error("malformed regex: " + e.getDescription() + " near index " + e.getIndex());
        }
        Duration after = n.has("after") ? Durations.of(n.get("after")) : Duration.ZERO;
        Duration within = n.has("within") ? Durations.of(n.get("within")) : null;
        boolean never = n.bool("never", false);
        long atLeast = n.integer("atLeast", never ? 0 : 1, 0, Integer.MAX_VALUE);
        long atMost = n.integer("atMost", never ? 0 : Long.MAX_VALUE, 0, Long.MAX_VALUE);
        StringBuilder d = new StringBuilder(board).append(never ? " never prints /" : " prints /").append(p.pattern()).append('/');
        if (!never && n.has("atLeast") && n.has("atMost") && atLeast == atMost) {
            d.append(" exactly ").append(times(atLeast));
        } else {
            if (!never && n.has("atLeast")) {
                d.append(" at least ").append(times(atLeast));
            }
            if (!never && n.has("atMost")) {
                d.append(" at most ").append(times(atMost));
            }
        }
        if (within != null) {
            d.append(" within ").append(Durations.shortText(within));
        }
        if (n.has("after")) {
            d.append(" after ").append(Durations.shortText(after));
        }
        String text = d.toString();
        long from = after.toNanos() / 1000;
        long until = within == null ? Long.MAX_VALUE : from + within.toNanos() / 1000;
        return new Expectation() {
            public String board() {
                return board;
            }

            public String describe() {
                return text;
            }

            public Outcome check(RunRecord r) {
                List<ConsoleLine> lines = r.lines(board);
                long count = 0;
                long first = -1;
                for (ConsoleLine l : lines) {
                    if (l.micros() >= from && l.micros() <= until && p.matcher(l.text()).find()) {
                        count++;
                        if (first < 0) {
                            first = l.micros();
                        }
                    }
                }
                boolean ok = count >= atLeast && count <= atMost;
                String seen = count + (count == 1 ? " match" : " matches") + (first >= 0 ? ", first at " + ConsoleLine.clock(first) : "");
                return new Outcome(ok, seen);
            }
        };
    }
}
