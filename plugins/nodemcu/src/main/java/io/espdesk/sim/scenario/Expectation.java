package io.espdesk.sim.scenario;

import io.espdesk.sim.Simulation;

/** One thing a scenario promises about its run, checked when the run ends. */
public interface Expectation {
    /** The board it is about (its last lines go into a failure report). */
    String board();

    /** Arms what it must observe while a run goes on (a probe at a time); most look only at the finished run. */
    default void arm(Simulation sim, RunRecord record) {
    }

    /** How it reads in a report: {@code server prints /Received/ at least 5 times after 45s}. */
    String describe();

    /** Checks the finished run. */
    Outcome check(RunRecord run);

    /** Pass or fail, with what was actually seen. */
    record Outcome(boolean passed, String seen) {
    }
}
