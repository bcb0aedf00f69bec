package io.espdesk.sim.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Everything one simulation holds: the clock, the air, the boards, and where their output goes. One thread drives
 * it; nothing in here is shared with another simulation.
 */
public final class World {
    private final Scheduler scheduler = new Scheduler();
    private final Random random;
    private final long seed;
    private final Air air = new Air();
    private final Tcp tcp = new Tcp(this);
    private final Udp udp = new Udp(this);
    private RealNetwork gateways = RealNetwork.NONE;
    private final java.util.concurrent.LinkedBlockingQueue<Runnable> inbox = new java.util.concurrent.LinkedBlockingQueue<>();
    private final Map<String, Board> boards = new LinkedHashMap<>();
    private final List<LineListener> lineListeners = new ArrayList<>();
    private final List<Consumer<String>> warningListeners = new ArrayList<>();
    private long latencyUs = 3_000;
    private long jitterUs = 2_000;
    private double lossRate;
    private boolean keepLines = true;
    private final Map<String, long[]> pairLatency = new java.util.HashMap<>();
    private final Map<String, Double> pairLoss = new java.util.HashMap<>();
    private final java.util.Set<String> cutPairs = new java.util.HashSet<>();

    public World(long seed) {
        this.seed = seed;
        this.random = new Random(seed);
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    public Random random() {
        return random;
    }

    public long seed() {
        return seed;
    }

    public Air air() {
        return air;
    }

    public Tcp tcp() {
        return tcp;
    }

    public Udp udp() {
        return udp;
    }

    public long latencyUs() {
        return latencyUs;
    }

    public long jitterUs() {
        return jitterUs;
    }

    public double lossRate() {
        return lossRate;
    }

    public void network(long latencyUs, long jitterUs, double lossRate) {
        this.latencyUs = latencyUs;
        this.jitterUs = jitterUs;
        this.lossRate = lossRate;
    }

    private static String pair(Board a, Board b) {
        return a.name().compareTo(b.name()) < 0 ? a.name() + "\u0000" + b.name() : b.name() + "\u0000" + a.name();
    }

    /** One-way delay of a packet from {@code a} to {@code b}: the pair's own quality, else the network's. */
    public long oneWayUs(Board a, Board b) {
        long[] q = pairLatency.get(pair(a, b));
        long lat = q != null ? q[0] : latencyUs;
        long jit = q != null ? q[1] : jitterUs;
        return lat + (jit > 0 ? random.nextInt((int) jit + 1) : 0);
    }

    public double lossRate(Board a, Board b) {
        return pairLoss.getOrDefault(pair(a, b), lossRate);
    }

    /** Whether packets between the two boards are cut (a scenario fault). */
    public boolean cut(Board a, Board b) {
        return cutPairs.contains(pair(a, b));
    }

    /** Cuts (or restores) the path between two boards. */
    public void setCut(Board a, Board b, boolean cut) {
        if (cut) {
            cutPairs.add(pair(a, b));
        } else {
            cutPairs.remove(pair(a, b));
        }
    }

    /** Gives the path between two boards its own latency, jitter and loss (a slow or lossy link). */
    public void setQuality(Board a, Board b, long latency, long jitter, double loss) {
        pairLatency.put(pair(a, b), new long[] {latency, jitter});
        pairLoss.put(pair(a, b), loss);
    }

    /**
     * Whether output lines and UART bytes are kept in memory for the simulation's output and the exact-byte checks (long
     * benchmarks and live bridges turn it off).
     */
    public void keepLines(boolean keep) {
        this.keepLines = keep;
    }

    /** Whether output (lines, and the exact UART bytes) is kept in memory. */
    public boolean keepsLines() {
        return keepLines;
    }

    /** Adds a board (unpowered) whose flash is {@code flash} and whose firmware {@code firmware} makes. */
    public Board addBoard(String name, Flash flash, Firmware.Factory firmware) {
        if (boards.containsKey(name)) {
            throw new IllegalArgumentException("a board named '" + name + "' exists already");
        }
        Board b = new Board(this, name, boards.size(), flash, firmware);
        boards.put(name, b);
        return b;
    }

    public Board board(String name) {
        return boards.get(name);
    }

    public List<Board> boards() {
        return new ArrayList<>(boards.values());
    }

    void emit(Board b, String text) {
        for (LineListener l : lineListeners) {
            l.line(scheduler.now(), b.name(), text);
        }
    }

    /** A note about a script's misuse that the firmware would not print (e.g. a dropped second send). */
    public void warn(Board b, String text) {
        String line = String.format("%.3f s [%s] %s", scheduler.now() / 1e6, b.name(), text);
        for (Consumer<String> c : warningListeners) {
            c.accept(line);
        }
    }

    public void onLine(LineListener l) {
        lineListeners.add(l);
    }

    public void onWarning(Consumer<String> c) {
        warningListeners.add(c);
    }

    private volatile boolean wallSpeed;

    public RealNetwork gateways() {
        return gateways;
    }

    /** Connects the simulation to real sockets through {@code net} (closed with the world). */
    public void gateways(RealNetwork net) {
        this.gateways = net;
    }

    /** Runs at wall speed from now on even without gateways (a board's UART is joined to the real world). */
    public void wallSpeed(boolean on) {
        wallSpeed = on;
    }

    /** Hands work to the simulation thread from another thread (a gateway socket). */
    public void post(Runnable r) {
        inbox.add(r);
    }

    /**
     * Runs the simulation up to virtual time {@code end} (µs): as fast as the CPU allows, or at wall speed while a
     * gateway connects it to real endpoints.
     */
    public void runUntil(long end) {
        if (!gateways.any() && !wallSpeed) {
            scheduler.runUntil(end);
            return;
        }
        long wall0 = System.nanoTime();
        long virtual0 = scheduler.now();
        while (scheduler.now() < end && !scheduler.halted()) {
            Runnable r;
            while ((r = inbox.poll()) != null) {
                r.run();
            }
            long target = Math.min(end, virtual0 + (System.nanoTime() - wall0) / 1000);
            scheduler.runUntil(target);
            long wait = Math.min(scheduler.nextTime(), end) - (virtual0 + (System.nanoTime() - wall0) / 1000);
            if (wait > 0) {
                try {
                    r = inbox.poll(Math.min(wait, 50_000), java.util.concurrent.TimeUnit.MICROSECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                if (r != null) {
                    scheduler.runUntil(Math.min(end, virtual0 + (System.nanoTime() - wall0) / 1000));
                    r.run();
                }
            }
        }
    }

    /** Closes gateway sockets. */
    public void close() {
        gateways.close();
    }

    public void flushConsoles() {
        for (Board b : boards.values()) {
            b.console().flushPartial();
        }
    }
}
