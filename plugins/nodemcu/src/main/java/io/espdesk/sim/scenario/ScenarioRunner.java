package io.espdesk.sim.scenario;

import io.espdesk.sim.ConsoleLine;
import io.espdesk.sim.Simulation;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a scenario with its steps and checks its expectations: the engine of {@code espdesk test}, and a JUnit
 * user's one call:
 * <pre>{@code
 * ScenarioReport r = ScenarioRunner.run(Scenario.load(Path.of("lua-scripts/serial-relay")), null);
 * assertTrue(r.allPassed(), r.toString());
 * }</pre>
 */
public final class ScenarioRunner {
    static final int LAST_LINES = 6;

    private ScenarioRunner() {
    }

    /**
     * For JUnit: runs the scenario folder with its own seed and throws an {@link AssertionError} carrying the report
     * unless it holds (for an "xfail" scenario: unless it fails as expected).
     */
    public static ScenarioReport assertHolds(java.nio.file.Path dir) {
        ScenarioReport r = run(Scenario.load(dir), null);
        if (!r.ok()) {
            throw new AssertionError("scenario " + dir + " does not hold:\n" + r.text());
        }
        return r;
    }

    /** Runs with {@code seed}, or the scenario's own seed when null. */
    public static ScenarioReport run(Scenario scenario, Long seed) {
        long t0 = System.nanoTime();
        long s = seed != null ? seed : scenario.seed();
        Simulation sim = scenario.build(s, null);
        RunRecord record = new RunRecord(sim);
        List<Expectation> expectations = scenario.expectations();
        for (Expectation e : expectations) {
            e.arm(sim, record);
        }
        try {
            sim.runFor(scenario.duration());
        } finally {
            sim.close();
        }
        sim.flush();
        List<ScenarioReport.Result> results = new ArrayList<>();
        for (int i = 0; i < expectations.size(); i++) {
            Expectation e = expectations.get(i);
            Expectation.Outcome o = e.check(record);
            List<String> last = new ArrayList<>();
            if (!o.passed()) {
                List<ConsoleLine> lines = record.lines(e.board());
                for (ConsoleLine l : lines.subList(Math.max(0, lines.size() - LAST_LINES), lines.size())) {
                    last.add(l.timestamped());
                }
            }
            results.add(new ScenarioReport.Result(e.describe(), o.passed(), o.seen(), last));
        }
        return new ScenarioReport(scenario.dir().toString(), s, scenario.xfail(), results, scenario.duration().toNanos() / 1e9,
                (System.nanoTime() - t0) / 1e9);
    }
}
