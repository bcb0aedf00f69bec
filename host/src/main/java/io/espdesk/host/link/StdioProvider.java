package io.espdesk.host.link;

import io.espdesk.api.Channel;
import io.espdesk.api.ChannelAddress;
import io.espdesk.api.ChannelListener;
import io.espdesk.api.ChannelProvider;
import io.espdesk.api.SchemeHelp;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/** The built-in {@code stdio:} scheme: the terminal (or whatever streams the host was given). One user at a time. */
public final class StdioProvider implements ChannelProvider {
    private final InputStream in;
    private final OutputStream out;
    private final boolean terminal;
    private final AtomicBoolean inUse = new AtomicBoolean();

    /** Streams of a test or an embedding program: used as they are. */
    public StdioProvider(InputStream in, OutputStream out) {
        this(in, out, false);
    }

    /** @param terminal whether {@code in} is this process's standard input, to be put in character mode when it is a terminal */
    public StdioProvider(InputStream in, OutputStream out, boolean terminal) {
        this.in = in;
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public SchemeHelp help(String scheme) {
        return new SchemeHelp("stdio:", "the terminal: what is typed goes in, what arrives is printed (built in)", Map.of());
    }

    @Override
    public Set<String> schemes() {
        return Set.of("stdio");
    }

    @Override
    public void validate(ChannelAddress address) {
        address.requireKnownOptions(Set.of());
    }

    @Override
    public Channel open(ChannelAddress address) throws IOException {
        if (!inUse.compareAndSet(false, true)) {
            throw new IOException("stdio: is already used by another link");
        }
        return new StdioChannel(terminal ? TerminalMode.characterMode() : null);
    }

    private final class StdioChannel implements Channel {
        private final Runnable restoreTerminal;
        private volatile boolean closed;

        StdioChannel(Runnable restoreTerminal) {
            this.restoreTerminal = restoreTerminal;
        }

        @Override
        public void start(ChannelListener listener) {
            Thread t = new Thread(() -> pump(listener), "espdesk-stdin");
            t.setDaemon(true);
            t.start();
        }

        private void pump(ChannelListener listener) {
            byte[] buf = new byte[64 * 1024];
            try {
                int n;
                while (!closed && (n = in.read(buf)) >= 0) {
                    if (n > 0) {
                        listener.onData(buf, 0, n);
                    }
                }
                listener.onClosed("end of input");
            } catch (IOException e) {
                listener.onClosed("input failed: " + e.getMessage());
            }
        }

        @Override
        public void write(byte[] data, int offset, int length) throws IOException {
            if (closed) {
                throw new IOException("stdio: closed");
            }
            synchronized (out) {
                out.write(data, offset, length);
                out.flush();
            }
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                if (restoreTerminal != null) {
                    restoreTerminal.run();
                }
                inUse.set(false);
            }
        }

        @Override
        public String describe() {
            return "stdio:";
        }
    }
}
