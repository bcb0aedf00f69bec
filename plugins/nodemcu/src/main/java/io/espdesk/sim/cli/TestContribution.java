package io.espdesk.sim.cli;

import io.espdesk.api.CommandContribution;

/** Adds {@code espdesk test} to the command line when the nodemcu runtime is on its classpath. */
public final class TestContribution implements CommandContribution {
    @Override
    public String name() {
        return "test";
    }

    @Override
    public Object command() {
        return new TestCommand();
    }
}
