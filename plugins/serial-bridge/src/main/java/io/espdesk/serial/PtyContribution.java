package io.espdesk.serial;

import io.espdesk.api.CommandContribution;

/** Adds {@code espdesk pty} to the command line when the serial plugin is on its classpath. */
public final class PtyContribution implements CommandContribution {
    @Override
    public String name() {
        return "pty";
    }

    @Override
    public Object command() {
        return new PtyCommand(System.in, System.out, System.err);
    }
}
