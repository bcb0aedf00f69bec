package io.espdesk.sim.cli;

import io.espdesk.api.json.JsonConfigException;
import io.espdesk.sim.ConsoleLine;
import io.espdesk.sim.scenario.Durations;
import io.espdesk.nodemcu.Profile;
import io.espdesk.sim.scenario.Scenario;
import io.espdesk.sim.Simulation;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code espdesk sim DIR}: runs a scenario folder of simulated boards in virtual time and prints their UARTs. */
@Command(name = "sim", mixinStandardHelpOptions = true,
        description = {"Run NodeMCU Lua scripts on simulated ESP8266 boards that share a simulated WiFi, in virtual time.",
                "DIR has one subfolder per board (its flash: init.lua and any other files) and an optional sim.json.",
                "Every line a board prints is shown as [board] text; the same seed prints the same bytes."},
        footer = {"", "Examples:",
                "  ./espdesk sim lua-scripts/two-esp8266",
                "  ./espdesk sim lua-scripts/two-esp8266 --for 24h --seed 7 --timestamps"})
public final class SimCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The scenario folder.")
    Path dir;

    @Option(names = "--for", paramLabel = "DURATION", description = "Virtual time to simulate, e.g. 60s, 10m, 24h (default: sim.json's duration, else 60s).")
    String forTime;

    @Option(names = "--seed", description = "Seed of every random choice (default: sim.json's seed, else 1).")
    Long seed;

    @Option(names = "--profile", description = "Firmware API: 1.5 (legacy, default) or 3.0.")
    String profile;

    @Option(names = "--timestamps", description = "Prefix each line with its virtual time.")
    boolean timestamps;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Scenario scenario;
        Duration d;
        Profile p;
        try {
            scenario = Scenario.load(dir);
            d = forTime != null ? Durations.parse(forTime) : scenario.duration();
            p = profile != null ? Profile.of(profile) : null;
        } catch (JsonConfigException | IllegalArgumentException e) {
            err.println("espdesk: " + e.getMessage());
            return 2;
        }
        long t0 = System.nanoTime();
        Simulation sim;
        try {
            sim = scenario.build(seed, p);
        } catch (java.io.UncheckedIOException e) {
            err.println("espdesk: " + e.getMessage());
            return 2;
        }
        sim.keepOutput(false);
        PrintWriter out = spec.commandLine().getOut();
        sim.onLine(l -> write(out, l));
        sim.onWarning(w -> {
            flush(out);
            err.println("espdesk: warning: " + w);
        });
        // Ctrl-C: stop the clock, end the lines under way, say what was simulated; the JVM then exits with 130
        CountDownLatch summarised = new CountDownLatch(1);
        Thread stop = new Thread(() -> {
            sim.stop();
            try {
                summarised.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "espdesk-sim-interrupted");
        Runtime.getRuntime().addShutdownHook(stop);
        try {
            sim.runFor(d);
        } finally {
            sim.close();
        }
        boolean interrupted = sim.stopped();
        sim.flush();
        flush(out);
        double wall = (System.nanoTime() - t0) / 1e9;
        Duration done = interrupted ? sim.now() : d;
        err.printf("%ssimulated %s in %.2f s (%.0fx)%n", interrupted ? "interrupted: " : "", Durations.human(done), wall,
                done.toNanos() / 1e9 / wall);
        err.flush();
        summarised.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(stop);
        } catch (IllegalStateException shuttingDown) {
            return 130; // the hook is running: the JVM exits with SIGINT's status whatever this says
        }
        return 0;
    }

    private void write(PrintWriter out, ConsoleLine l) {
        out.write(timestamps ? l.timestamped() : l.plain());
        out.write('\n'); // no println: it would flush every line
    }

    private static void flush(PrintWriter out) {
        out.flush();
    }
}
