package io.espdesk.sim.scenario;

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

    /** The report as {@code espdesk test} prints it: one line per expectation, a failure's last board lines under it. */
    public String text() {
        StringBuilder b = new StringBuilder();
        String head = name + " (seed " + seed + ")";
        for (Result r : results) {
            String verdict = xfail == null ? (r.passed() ? "PASS " : "FAIL ") : (r.passed() ? "pass " : "XFAIL");
            b.append(verdict).append(' ').append(head).append(": ").append(r.expectation()).append(" (").append(r.seen()).append(")\n");
            for (String l : r.lastLines()) {
                b.append("        ").append(l).append('\n');
            }
        }
        if (xfail != null) {
            b.append(allPassed() ? "XPASS " : "xfail ").append(head).append(": expected to fail: ").append(xfail)
                    .append(allPassed() ? " -- but every expectation held" : "").append('\n');
        }
        return b.toString();
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
