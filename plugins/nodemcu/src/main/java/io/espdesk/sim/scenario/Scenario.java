package io.espdesk.sim.scenario;

import io.espdesk.nodemcu.Profile;
import io.espdesk.sim.Simulation;
import io.espdesk.api.json.JsonConfigException;
import io.espdesk.api.json.JsonDocs;
import io.espdesk.api.json.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A scenario folder: one subfolder per board (its flash) and an optional {@code sim.json} with start order and
 * delays, routers, network quality, duration, seed and firmware profile. Every error in sim.json names its file,
 * line and column.
 */
public final class Scenario {
    static final Set<String> KEYS = Set.of("duration", "seed", "profile", "network", "routers", "boards", "watchdog", "steps",
            "expect", "xfail", "gateways");
    static final Set<String> NETWORK_KEYS = Set.of("latency", "jitter", "loss");
    static final Set<String> ROUTER_KEYS = Set.of("ssid", "pwd", "subnet", "max");
    static final Set<String> BOARD_KEYS = Set.of("start");

    /** A router of sim.json. */
    public record Router(String ssid, String pwd, String subnet, int max) {
    }

    /** A board: its folder and when it powers on. */
    public record BoardSpec(String name, Path dir, Duration start) {
    }

    private final Path dir;
    private Duration duration = Duration.ofSeconds(60);
    private long seed = 1;
    private Profile profile = Profile.V1_5;
    private Duration latency = Duration.ofMillis(3);
    private Duration jitter = Duration.ofMillis(2);
    private double loss;
    private long watchdog = 2_000_000;
    private final List<Router> routers = new ArrayList<>();
    private final List<BoardSpec> boards = new ArrayList<>();
    private JsonNode root;

    private Scenario(Path dir) {
        this.dir = dir;
    }

    /**
     * Reads a scenario folder.
     *
     * @throws JsonConfigException for a bad sim.json (file:line:column) or a folder without boards
     */
    public static Scenario load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new JsonConfigException(dir.toString(), 1, 1, "no such scenario folder");
        }
        Scenario s = new Scenario(dir);
        List<String> folders = boardFolders(dir);
        Path json = dir.resolve("sim.json");
        Map<String, Duration> starts = new LinkedHashMap<>();
        if (Files.exists(json)) {
            JsonNode root = JsonDocs.read(json, json.toString()).requireObject("the scenario settings").allowKeys(KEYS);
            s.root = root;
            if (root.has("duration")) {
                s.duration = duration(root.get("duration"));
            }
            s.seed = root.integer("seed", s.seed, Long.MIN_VALUE, Long.MAX_VALUE);
            if (root.has("profile")) {
                JsonNode p = root.get("profile");
                try {
                    s.profile = Profile.of(p.asString());
                } catch (IllegalArgumentException e) {
                    throw p.error(e.getMessage());
                }
            }
            s.watchdog = root.integer("watchdog", s.watchdog, 1000, Long.MAX_VALUE);
            if (root.has("network")) {
                JsonNode n = root.get("network").requireObject("network settings").allowKeys(NETWORK_KEYS);
                if (n.has("latency")) {
                    s.latency = duration(n.get("latency"));
                }
                if (n.has("jitter")) {
                    s.jitter = duration(n.get("jitter"));
                }
                if (n.has("loss")) {
                    double l = n.get("loss").asNumber();
                    if (l < 0 || l >= 1) {
                        throw n.get("loss").error("expected a loss rate from 0 to below 1 but found " + l);
                    }
                    s.loss = l;
                }
            }
            for (JsonNode r : root.array("routers")) {
                r.requireObject("a router {\"ssid\": …, \"pwd\": …}").allowKeys(ROUTER_KEYS);
                String subnet = r.string("subnet", "192.168." + (s.routers.size() + 1) + ".0");
                if (!subnet.matches("\\d+\\.\\d+\\.\\d+\\.0")) {
                    throw r.get("subnet").error("expected a /24 subnet such as 192.168.1.0 but found \"" + subnet + "\"");
                }
                s.routers.add(new Router(r.require("ssid").asString(), r.string("pwd", ""), subnet, (int) r.integer("max", 8, 1, 255)));
            }
            if (root.has("boards")) {
                for (Map.Entry<String, JsonNode> e : root.get("boards").requireObject("the boards").members().entrySet()) {
                    JsonNode b = e.getValue().requireObject("board settings").allowKeys(BOARD_KEYS);
                    if (!folders.contains(e.getKey())) {
                        throw b.error("board \"" + e.getKey() + "\" has no folder " + dir.resolve(e.getKey()));
                    }
                    starts.put(e.getKey(), b.has("start") ? duration(b.get("start")) : Duration.ZERO);
                }
            }
        }
        if (folders.isEmpty()) {
            throw new JsonConfigException(dir.toString(), 1, 1, "no board folders (one subfolder per board, each with its init.lua)");
        }
        if (s.root != null) {
            Set<String> names = new java.util.LinkedHashSet<>(folders);
            Steps.apply(s.root.array("steps"), null, names);
            Gateways.apply(s.root.array("gateways"), null, names);
            for (JsonNode e : s.root.array("expect")) {
                Expectations.parse(e, names, null, null);
            }
        }
        for (String name : starts.keySet()) {
            s.boards.add(new BoardSpec(name, dir.resolve(name), starts.get(name)));
        }
        for (String f : folders) {
            if (!starts.containsKey(f)) {
                s.boards.add(new BoardSpec(f, dir.resolve(f), Duration.ZERO));
            }
        }
        return s;
    }

    private static List<String> boardFolders(Path dir) {
        TreeSet<String> names = new TreeSet<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                if (Files.isDirectory(p) && !p.getFileName().toString().startsWith(".")) {
                    names.add(p.getFileName().toString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ArrayList<>(names);
    }

    /** A duration value of sim.json: {@code "45s"} or a number of seconds; an error at the value otherwise. */
    public static Duration duration(JsonNode n) {
        if (n.kind() == JsonNode.Kind.NUMBER) {
            return Duration.ofNanos((long) (n.asNumber() * 1e9));
        }
        try {
            return Durations.parse(n.asString());
        } catch (IllegalArgumentException e) {
            throw n.error(e.getMessage());
        }
    }

    /** Builds the simulation; null arguments keep what sim.json says. */
    public Simulation build(Long seedOverride, Profile profileOverride) {
        Simulation sim = Simulation.create(seedOverride != null ? seedOverride : seed, profileOverride != null ? profileOverride : profile);
        sim.network(latency, jitter, loss);
        sim.watchdog(watchdog);
        for (Router r : routers) {
            sim.addRouter(r.ssid(), r.pwd(), r.subnet(), r.max());
        }
        for (BoardSpec b : boards) {
            sim.addBoard(b.name(), b.dir(), b.start());
        }
        if (root != null) {
            Steps.apply(root.array("steps"), sim, boardNames());
            Gateways.apply(root.array("gateways"), sim, boardNames());
        }
        return sim;
    }

    public Set<String> boardNames() {
        Set<String> names = new java.util.LinkedHashSet<>();
        for (BoardSpec b : boards) {
            names.add(b.name());
        }
        return names;
    }

    /** Why this scenario is expected to fail (it shows a bug and its fix lives next door), or null. */
    public String xfail() {
        return root == null ? null : root.string("xfail", null);
    }

    public Path dir() {
        return dir;
    }

    public Duration duration() {
        return duration;
    }

    public long seed() {
        return seed;
    }

    public Profile profile() {
        return profile;
    }

    public List<BoardSpec> boards() {
        return boards;
    }

    /** The parsed sim.json (null when there is none), for what builds on scenarios. */
    public JsonNode json() {
        return root;
    }
}
