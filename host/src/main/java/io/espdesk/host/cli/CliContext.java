package io.espdesk.host.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * What every command needs from where it runs: the espdesk folder (for conf/ and bundles/) and the three streams.
 * Tests pass pipes here instead of the terminal.
 */
public record CliContext(Path home, InputStream in, PrintStream out, PrintStream err) {
    public Path defaultConf() {
        return home.resolve("conf");
    }
}
