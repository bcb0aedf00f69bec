package io.espdesk.sim.cli;

import io.espdesk.api.json.JsonConfigException;
import io.espdesk.sim.scenario.Scenario;
import io.espdesk.sim.scenario.JUnitXml;
import io.espdesk.sim.scenario.ScenarioReport;
import io.espdesk.sim.scenario.ScenarioRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code espdesk test DIR…}: runs every scenario under the folders and checks its expectations. */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = {"Run the scenarios under the given folders with their faults and check their expectations.",
                "A scenario is a folder whose sim.json has \"expect\"; its steps (power cycles, range, link faults, typed input …)",
                "run as it says. One line per expectation; exit code 1 when any fails. A scenario marked \"xfail\" shows a known",
                "bug: it must fail."},
        footer = {"", "Examples:",
                "  ./espdesk test lua-scripts",
                "  ./espdesk test lua-scripts/two-esp8266-reconnect --seeds 20 --junit target/scenarios.xml"})
public final class TestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "DIR", description = "Scenario folders, or folders that contain them.")
    List<Path> dirs;

    @Option(names = "--seeds", paramLabel = "N", description = "Run each scenario with N seeds (its own seed and the N-1 after it).")
    int seeds = 1;

    @Option(names = "--seed", description = "Run with this seed instead of each scenario's own.")
    Long seed;

    @Option(names = "--junit", paramLabel = "FILE", description = "Also write JUnit XML for CI.")
    Path junit;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Path> found = new ArrayList<>();
        for (Path d : dirs) {
            if (!Files.isDirectory(d)) {
                err.println("espdesk: " + d + ": no such folder");
                return 2;
            }
            found.addAll(scenarios(d));
        }
        if (found.isEmpty()) {
            err.println("espdesk: no scenario with expectations under " + dirs);
            return 2;
        }
        List<Scenario> loaded = new ArrayList<>();
        for (Path p : found) {
            try {
                loaded.add(Scenario.load(p));
            } catch (JsonConfigException | IllegalArgumentException e) {
                err.println("espdesk: " + e.getMessage());
                return 2;
            }
        }
        long t0 = System.nanoTime();
        List<ScenarioReport> reports = new ArrayList<>();
        int passed = 0;
        int failed = 0;
        double simulated = 0;
        for (Scenario s : loaded) {
            for (int i = 0; i < Math.max(1, seeds); i++) {
                long sd = (seed != null ? seed : s.seed()) + i;
                ScenarioReport r = ScenarioRunner.run(s, sd);
                reports.add(r);
                simulated += r.simulatedSeconds();
                print(out, r);
                if (r.ok()) {
                    passed++;
                } else {
                    failed++;
                }
            }
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        out.printf("%d scenario runs: %d passed, %d failed (%.0f s simulated in %.2f s)%n", reports.size(), passed, failed, simulated, wall);
        out.flush();
        if (junit != null) {
            try {
                JUnitXml.write(junit, reports);
            } catch (IOException e) {
                err.println("espdesk: cannot write " + junit + ": " + JUnitXml.reason(e));
                return 2;
            }
        }
        return failed == 0 ? 0 : 1;
    }

    private static void print(PrintWriter out, ScenarioReport r) {
        out.print(r.text());
    }

    private static List<Path> scenarios(Path root) {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.getFileName().toString().equals("sim.json")).filter(TestCommand::hasExpectations)
                    .map(Path::getParent).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean hasExpectations(Path simJson) {
        try {
            return Files.readString(simJson).contains("\"expect\"");
        } catch (IOException e) {
            return false;
        }
    }
}
