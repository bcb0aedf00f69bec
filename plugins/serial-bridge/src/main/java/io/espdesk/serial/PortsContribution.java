package io.espdesk.serial;

import io.espdesk.api.CommandContribution;

/** Adds {@code espdesk ports} to the command line when the serial plugin is on its classpath. */
public final class PortsContribution implements CommandContribution {
    @Override
    public String name() {
        return "ports";
    }

    @Override
    public Object command() {
        return new PortsCommand();
    }
}
