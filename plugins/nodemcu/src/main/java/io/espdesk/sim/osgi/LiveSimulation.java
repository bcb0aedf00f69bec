package io.espdesk.sim.osgi;

import io.espdesk.sim.BoardHandle;
import io.espdesk.sim.scenario.Scenario;
import io.espdesk.sim.Simulation;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A scenario folder running at wall speed on a thread of its own, for as long as a channel to one of its boards is
 * open: the boards boot, join their WiFi and talk as in {@code espdesk sim}, in real time, because the world at the
 * other end of their UART is real.
 */
final class LiveSimulation {
    private final Path dir;
    private final Simulation sim;
    private final Thread thread;
    private volatile boolean stopped;
    private int users; // guarded by BoardProvider's lock

    private LiveSimulation(Path dir, Simulation sim) {
        this.dir = dir;
        this.sim = sim;
        this.thread = new Thread(this::loop, "espdesk-board-sim " + dir.getFileName());
        this.thread.setDaemon(true);
    }

    /**
     * Loads {@code dir} (not running yet: see {@link #run}); sim.json's errors come out with file, line and column.
     *
     * @param steps whether the scenario's test steps run too (typed bytes, faults), or only its boards and network
     */
    static LiveSimulation load(Path dir, boolean steps) {
        Simulation sim = Scenario.load(dir).build(null, null, steps).wallSpeed();
        sim.keepOutput(false); // a bridge may run for days: output streams through, nothing accumulates
        return new LiveSimulation(dir, sim);
    }

    /**
     * Runs {@code r} on the simulation's thread; before the simulation runs, here and now (so that a channel's tap is
     * in place before the board's first byte).
     */
    synchronized void onSimThread(Runnable r) {
        if (thread.isAlive()) {
            sim.post(r);
        } else {
            r.run();
        }
    }

    /** Starts the simulation's clock, once. */
    synchronized void run() {
        if (!thread.isAlive() && !stopped) {
            thread.start();
        }
    }

    private void loop() {
        while (!stopped) {
            sim.runFor(Duration.ofMillis(100)); // at wall speed: posts from the channels are taken as they come
        }
        sim.close();
    }

    Path dir() {
        return dir;
    }

    BoardHandle board(String name) {
        return sim.board(name);
    }

    Simulation simulation() {
        return sim;
    }

    int join() {
        return ++users;
    }

    int leave() {
        return --users;
    }

    void stop() {
        stopped = true;
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
