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
import java.util.function.Consumer;

/**
 * A scenario folder: one subfolder per board (its flash) and an optional {@code sim.json} with start order and
 * delays, routers, network quality, duration, seed and firmware profile. Every error in sim.json names its file,
 * line and column. sim.json is read here, once, when the folder is loaded: steps, gateways and expectations are
 * checked then and applied to every run built from it.
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
    private List<Steps.Step> steps = List.of();
    private List<Consumer<Simulation>> gateways = List.of();
    private List<Expectation> expectations = List.of();
    private String xfail;

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
            throw new JsonConfigException(dir.toString(), "no such scenario folder");
        }
        Scenario s = new Scenario(dir);
        Map<String, Path> boardDirs = boardFolders(dir);
        List<String> folders = new ArrayList<>(boardDirs.keySet());
        Path json = dir.resolve("sim.json");
        Map<String, Duration> starts = new LinkedHashMap<>();
        JsonNode root = null;
        if (Files.exists(json)) {
            root = JsonDocs.read(json, json.toString()).requireObject("the scenario settings").allowKeys(KEYS);
            s.xfail = root.string("xfail", null);
            if (root.has("duration")) {
                s.duration = Durations.of(root.get("duration"));
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
                    s.latency = Durations.of(n.get("latency"));
                }
                if (n.has("jitter")) {
                    s.jitter = Durations.of(n.get("jitter"));
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
                        throw b.error("board \"" + e.getKey() + "\" has no folder " + dir.resolve(e.getKey()) + " (boards: "
                                + String.join(", ", folders) + ")");
                    }
                    starts.put(e.getKey(), b.has("start") ? Durations.of(b.get("start")) : Duration.ZERO);
                }
            }
        }
        if (folders.isEmpty()) {
            throw new JsonConfigException(dir.toString(), "no board folders (one subfolder per board, each with its init.lua; or an init.lua here"
                    + " for a single board)");
        }
        if (root != null) {
            Set<String> names = new java.util.LinkedHashSet<>(folders);
            s.steps = Steps.parse(root.array("steps"), names);
            s.gateways = Gateways.parse(root.array("gateways"), names);
            List<Expectation> expect = new ArrayList<>();
            for (JsonNode e : root.array("expect")) {
                expect.add(Expectations.parse(e, names));
            }
            s.expectations = List.copyOf(expect);
        }
        for (String name : starts.keySet()) {
            s.boards.add(new BoardSpec(name, boardDirs.get(name), starts.get(name)));
        }
        for (String f : folders) {
            if (!starts.containsKey(f)) {
                s.boards.add(new BoardSpec(f, boardDirs.get(f), Duration.ZERO));
            }
        }
        return s;
    }

    /**
     * The boards of a scenario folder by name: one per subfolder, or, when the folder itself holds a boot script
     * (init.lua, or main.py), the folder alone as a one-board scenario named after it.
     */
    private static Map<String, Path> boardFolders(Path dir) {
        Map<String, Path> boards = new java.util.TreeMap<>();
        if (Files.isRegularFile(dir.resolve("init.lua")) || Files.isRegularFile(dir.resolve("main.py"))) {
            Path name = dir.toAbsolutePath().normalize().getFileName();
            boards.put(name == null ? "board" : name.toString(), dir);
            return boards;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                if (Files.isDirectory(p) && !p.getFileName().toString().startsWith(".")) {
                    boards.put(p.getFileName().toString(), p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return boards;
    }

    /** Builds the simulation with its steps; null arguments keep what sim.json says. */
    public Simulation build(Long seedOverride, Profile profileOverride) {
        return build(seedOverride, profileOverride, true);
    }

    /**
     * Builds the simulation; null arguments keep what sim.json says. Without {@code withSteps} the boards and their
     * network run but the scenario's test steps (faults, typed bytes, driven pins) do not: a live board joined to a
     * real terminal or port gets input from there, not from the test.
     */
    public Simulation build(Long seedOverride, Profile profileOverride, boolean withSteps) {
        Simulation sim = Simulation.create(seedOverride != null ? seedOverride : seed, profileOverride != null ? profileOverride : profile);
        sim.network(latency, jitter, loss);
        sim.watchdog(watchdog);
        for (Router r : routers) {
            sim.addRouter(r.ssid(), r.pwd(), r.subnet(), r.max());
        }
        for (BoardSpec b : boards) {
            sim.addBoard(b.name(), b.dir(), b.start());
        }
        if (withSteps) {
            for (Steps.Step step : steps) {
                step.schedule(sim);
            }
        }
        for (Consumer<Simulation> gateway : gateways) {
            gateway.accept(sim);
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
        return xfail;
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

    /** What the scenario promises about a run, checked by {@link ScenarioRunner}. */
    public List<Expectation> expectations() {
        return expectations;
    }
}
