package io.espdesk.serial;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code espdesk pty}: a serial port without hardware. Opens a pseudo-terminal, says its path, and joins its other end
 * to this terminal: what you type goes into the port, what a bridge writes to the port shows here. Two of these and two
 * bridges are the whole serial-bridge setup on one desktop.
 */
@Command(name = "pty", mixinStandardHelpOptions = true,
        description = {"Make a serial port without hardware: a pseudo-terminal whose other end is this terminal.",
                "What you type goes into the port; what is written to the port shows here. Ctrl-C (or end of input) ends it."},
        footer = {"", "Example (four terminals):", "  ./espdesk pty --link /tmp/ttyA",
                "  ./espdesk link serial:/tmp/ttyA \"tcp-listen://127.0.0.1:7000?resume=on\"",
                "  ./espdesk pty --link /tmp/ttyB",
                "  ./espdesk link serial:/tmp/ttyB \"tcp://127.0.0.1:7000?resume=on\""})
public final class PtyCommand implements Callable<Integer> {
    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;

    @Option(names = "--link", paramLabel = "PATH", description = "Also make PATH a symbolic link to the port, for a name that stays the same.")
    Path link;

    public PtyCommand(InputStream in, PrintStream out, PrintStream err) {
        this.in = in;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws Exception {
        try (PseudoTerminal pt = PseudoTerminal.open()) {
            String name = pt.path();
            if (link != null) {
                Files.deleteIfExists(link);
                Files.createSymbolicLink(link, Path.of(pt.path()));
                name = link + " (-> " + pt.path() + ")";
            }
            Thread hook = new Thread(() -> unlink(pt), "espdesk-pty-exit");
            Runtime.getRuntime().addShutdownHook(hook);
            err.println("serial port ready: serial:" + (link != null ? link : pt.path()) + "  [" + name
                    + "]; type to send, Ctrl-C to end");
            Thread typing = new Thread(() -> type(pt), "espdesk-pty-typing");
            typing.setDaemon(true);
            typing.start();
            byte[] buf = new byte[16 * 1024];
            while (typing.isAlive()) {
                int n = pt.read(buf, buf.length, 200);
                if (n < 0) {
                    break;
                }
                if (n > 0) {
                    out.write(buf, 0, n);
                    out.flush();
                }
            }
            unlink(pt);
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException exiting) {
                // Ctrl-C: the hook runs
            }
        }
        return 0;
    }

    /** Copies this terminal's input into the port until it ends. */
    private void type(PseudoTerminal pt) {
        byte[] buf = new byte[4096];
        try {
            int n;
            while ((n = in.read(buf)) > 0) {
                pt.write(buf, 0, n);
            }
        } catch (IOException e) {
            err.println("espdesk pty: " + e.getMessage());
        }
    }

    private void unlink(PseudoTerminal pt) {
        if (link != null) {
            try {
                if (Files.isSymbolicLink(link) && Files.readSymbolicLink(link).toString().equals(pt.path())) {
                    Files.delete(link);
                }
            } catch (IOException e) {
                // gone already
            }
        }
    }
}
