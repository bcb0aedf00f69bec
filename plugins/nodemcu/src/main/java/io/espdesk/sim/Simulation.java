package io.espdesk.sim;

import io.espdesk.nodemcu.Profile;
import io.espdesk.nodemcu.NodemcuFirmware;
import io.espdesk.sim.engine.Board;
import io.espdesk.sim.engine.Flash;
import io.espdesk.sim.engine.World;
import io.espdesk.sim.gateway.SocketGateways;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Simulated NodeMCU boards on a simulated WiFi, in virtual time: the Java API behind {@code espdesk sim}, for
 * JUnit 5 tests of Lua scripts.
 *
 * <pre>{@code
 * Simulation sim = Simulation.create(1, Profile.V1_5);
 * sim.addBoard("server", Path.of("lua-scripts/two-esp8266/server"));
 * sim.addBoard("client", Path.of("lua-scripts/two-esp8266/client"));
 * sim.runFor(Duration.ofSeconds(30));
 * assertTrue(sim.board("server").lines().contains("Received Data: Hello World!"));
 * }</pre>
 *
 * Not thread-safe: one thread builds and runs a simulation. Separate simulations share nothing.
 */
public final class Simulation {
    private final World world;
    private final Map<String, BoardHandle> boards = new LinkedHashMap<>();
    private SocketGateways gateways;

    private final Profile profile;
    private long watchdog = 2_000_000;
    private final List<ConsoleLine> lines = new ArrayList<>();
    private final List<Consumer<ConsoleLine>> lineListeners = new ArrayList<>();

    private Simulation(long seed, Profile profile) {
        this.world = new World(seed);
        this.profile = profile;
        world.onLine((at, board, text) -> {
            ConsoleLine l = new ConsoleLine(at, board, text);
            if (world.keepsLines()) {
                lines.add(l);
            }
            for (Consumer<ConsoleLine> c : lineListeners) {
                c.accept(l);
            }
        });
    }

    /** A new, empty simulation; the seed fixes every random choice (network jitter, association delays, math.random). */
    public static Simulation create(long seed, Profile profile) {
        return new Simulation(seed, profile);
    }

    /** One-way latency, jitter and packet loss rate (0..1) of the simulated WiFi. */
    public Simulation network(Duration latency, Duration jitter, double loss) {
        world.network(latency.toNanos() / 1000, jitter.toNanos() / 1000, loss);
        return this;
    }

    /** Instructions one Lua task may run before the watchdog resets the board. */
    public Simulation watchdog(long instructions) {
        this.watchdog = instructions; // read at every boot, so it holds for boards added before too
        return this;
    }

    /** An access point that is not a board, e.g. a home router, on subnet {@code 192.168.1.0}. */
    public Simulation addRouter(String ssid, String pwd, String subnet, int maxStations) {
        world.air().addRouter(ssid, pwd, subnet, maxStations);
        return this;
    }

    /** Adds a board whose flash is a copy of {@code dir}'s files, powered on now. */
    public BoardHandle addBoard(String name, Path dir) {
        return addBoard(name, dir, Duration.ZERO);
    }

    /** Adds a board whose flash is a copy of {@code dir}'s files, powered on after {@code startAfter}. */
    public BoardHandle addBoard(String name, Path dir, Duration startAfter) {
        try {
            return add(name, Flash.copyOf(dir), startAfter);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the board folder " + dir, e);
        }
    }

    /** Adds a board from file contents (name to Lua source), powered on after {@code startAfter}. */
    public BoardHandle addBoard(String name, Map<String, String> files, Duration startAfter) {
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        files.forEach((k, v) -> bytes.put(k, v.getBytes(StandardCharsets.ISO_8859_1)));
        return add(name, Flash.of(bytes), startAfter);
    }

    private BoardHandle add(String name, Flash flash, Duration startAfter) {
        Board b = world.addBoard(name, flash, board -> new NodemcuFirmware(board, profile, () -> watchdog));
        b.powerOn(startAfter.toNanos() / 1000);
        BoardHandle h = new BoardHandle(b, this);
        boards.put(name, h);
        return h;
    }

    public BoardHandle board(String name) {
        BoardHandle h = boards.get(name);
        if (h == null) {
            throw new IllegalArgumentException("no board named '" + name + "' (boards: " + String.join(", ", boards.keySet()) + ")");
        }
        return h;
    }

    public List<BoardHandle> boards() {
        return List.copyOf(boards.values());
    }

    /** Runs {@code action} at virtual time {@code t} since the start (a scenario step). */
    public void at(Duration t, Runnable action) {
        long when = t.toNanos() / 1000;
        world.scheduler().after(Math.max(0, when - world.scheduler().now()), null, action);
    }

    /** Cuts (or restores) the path between two boards: packets between them are lost. */
    public void cut(String a, String b, boolean cut) {
        world.setCut(board(a).engine(), board(b).engine(), cut);
    }

    /** Gives the path between two boards its own latency, jitter and loss. */
    public void linkQuality(String a, String b, Duration latency, Duration jitter, double loss) {
        world.setQuality(board(a).engine(), board(b).engine(), latency.toNanos() / 1000, jitter.toNanos() / 1000, loss);
    }

    /**
     * Boards connecting to the simulated address {@code simHost:simPort} reach the real server {@code host:port}.
     * With any gateway the clock runs at wall speed.
     */
    public Simulation gatewayTo(String simHost, int simPort, String host, int port) {
        int ip = io.espdesk.sim.engine.Ip.parse(simHost);
        if (ip == 0) {
            throw new IllegalArgumentException("'" + simHost + "' is not an IPv4 address");
        }
        sockets().mapOutbound(ip, simPort, host, port);
        return this;
    }

    /**
     * Real clients connecting to {@code bindHost:bindPort} (port 0: any free port) reach {@code board}'s TCP port.
     * Returns the real port bound. With any gateway the clock runs at wall speed.
     */
    public int gatewayFrom(String bindHost, int bindPort, String board, int boardPort) {
        try {
            return sockets().listen(bindHost, bindPort, board(board).engine(), boardPort);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + bindHost + ":" + bindPort + ": " + e.getMessage(), e);
        }
    }

    /** The real sockets of this simulation's gateways, made with the first gateway. */
    private SocketGateways sockets() {
        if (gateways == null) {
            gateways = new SocketGateways(world);
            world.gateways(gateways);
        }
        return gateways;
    }

    /**
     * Runs at wall speed from now on, as with gateways: for a simulation joined to real things by other means (a
     * board's UART bridged to a serial port or a socket, see {@code board://}).
     */
    public Simulation wallSpeed() {
        world.wallSpeed(true);
        return this;
    }

    /** Runs {@code r} on the simulation's thread at its current time (from another thread, while it runs at wall speed). */
    public void post(Runnable r) {
        world.post(r);
    }

    /** Closes the gateways' real sockets (a simulation without gateways holds nothing). */
    public void close() {
        world.close();
    }

    /**
     * Stops the simulation from another thread (Ctrl-C): a run in progress returns after the task in hand, and later
     * runs do nothing. {@link #now()} then says how far it got.
     */
    public void stop() {
        world.scheduler().halt();
    }

    /** Whether {@link #stop} was called. */
    public boolean stopped() {
        return world.scheduler().halted();
    }

    /** Runs the simulation for {@code d} of virtual time (as fast as the CPU allows). */
    public Simulation runFor(Duration d) {
        world.runUntil(world.scheduler().now() + d.toNanos() / 1000);
        return this;
    }

    /** Runs until virtual time {@code t} since the start. */
    public Simulation runUntil(Duration t) {
        world.runUntil(t.toNanos() / 1000);
        return this;
    }

    /** Ends every board's partial last line (call at the end of a run so nothing printed is missing). */
    public void flush() {
        world.flushConsoles();
    }

    public Duration now() {
        return Duration.ofNanos(world.scheduler().now() * 1000);
    }

    /** Every line every board printed, in virtual-time order. */
    public List<ConsoleLine> output() {
        return lines;
    }

    /** Streams lines as they are printed (e.g. to the terminal). */
    public void onLine(Consumer<ConsoleLine> c) {
        lineListeners.add(c);
    }

    /** Streams notes about script mistakes the firmware would silently punish (a dropped second send …). */
    public void onWarning(Consumer<String> c) {
        world.onWarning(c);
    }

    /** Keeps output in memory for {@link #output()} (default) or only streams it (long runs). */
    public void keepOutput(boolean keep) {
        world.keepLines(keep);
    }

    /** Tasks the scheduler ran (timers, deliveries, callbacks): a measure of work for benchmarks. */
    public long tasksRun() {
        return world.scheduler().tasksRun();
    }

    World world() {
        return world;
    }
}
