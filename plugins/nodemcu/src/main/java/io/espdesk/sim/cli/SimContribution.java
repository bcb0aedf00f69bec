package io.espdesk.sim.cli;

import io.espdesk.api.CommandContribution;

/** Adds {@code espdesk sim} to the command line when the nodemcu runtime is on its classpath. */
public final class SimContribution implements CommandContribution {
    @Override
    public String name() {
        return "sim";
    }

    @Override
    public Object command() {
        return new SimCommand();
    }
}
