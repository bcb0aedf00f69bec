package io.espdesk.sim.scenario;

/** One thing a scenario promises about its run, checked when the run ends. */
public interface Expectation {
    /** How it reads in a report: {@code server prints /Received/ at least 5 times after 45s}. */
    String describe();

    /** Checks the finished run. */
    Outcome check(RunRecord run);

    /** Pass or fail, with what was actually seen. */
    record Outcome(boolean passed, String seen) {
    }
}
