package io.espdesk.host.felix;

import org.apache.felix.framework.Logger;

/**
 * Routes Felix's own log into the host's output: only with logLevel debug, because every failure a user must see
 * is already reported as one "plugin failed" line by the deployer.
 */
final class FelixLog extends Logger {
    private final PluginEvents events;
    private final boolean debug;

    FelixLog(PluginEvents events, boolean debug) {
        this.events = events;
        this.debug = debug;
    }

    @Override
    protected void doLog(org.osgi.framework.Bundle bundle, org.osgi.framework.ServiceReference sr, int level, String msg,
                         Throwable throwable) {
        doLog(level, msg, throwable);
    }

    @Override
    protected void doLog(int level, String msg, Throwable throwable) {
        if (debug) {
            events.line("felix: " + msg + (throwable == null ? "" : " (" + throwable + ")"));
        }
    }
}
