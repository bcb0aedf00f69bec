package io.espdesk.nodemcu.scenario;

import java.util.List;

/**
 * The outcome of one scenario run with one seed.
 *
 * @param name      the scenario's folder, as given
 * @param seed      the seed it ran with
 * @param xfail     why it is expected to fail, or null
 * @param results   one per expectation
 * @param simulatedSeconds virtual time run
 * @param wallSeconds      wall time it took
 */
public record ScenarioReport(String name, long seed, String xfail, List<Result> results, double simulatedSeconds, double wallSeconds) {
    /**
     * One expectation's verdict.
     *
     * @param expectation what was promised
     * @param passed      whether it held
     * @param seen        what the run showed
     * @param lastLines   the board's last lines, for a failure
     */
    public record Result(String expectation, boolean passed, String seen, List<String> lastLines) {
    }

    /** Every expectation held. */
    public boolean allPassed() {
        return results.stream().allMatch(Result::passed);
    }

    /** What the suite counts: a scenario marked xfail succeeds when it fails, and fails when it passes. */
    public boolean ok() {
        return xfail == null ? allPassed() : !allPassed();
    }
}
