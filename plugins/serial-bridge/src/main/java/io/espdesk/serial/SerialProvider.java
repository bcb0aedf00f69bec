package io.espdesk.serial;

import com.fazecast.jSerialComm.SerialPort;
import io.espdesk.api.Channel;
import io.espdesk.api.ChannelAddress;
import io.espdesk.api.SchemeHelp;
import io.espdesk.api.ChannelProvider;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The {@code serial:} scheme: serial ports (and any device path, such as a pseudo-terminal) as channels. */
public final class SerialProvider implements ChannelProvider, AutoCloseable {
    /** How long the process's exit waits for links to let go of their ports. */
    static final long EXIT_WAIT_MS = 8_000;

    private final Set<Channel> open = ConcurrentHashMap.newKeySet();

    public SerialProvider() {
        // On exit jSerialComm closes every port still open, discarding what is queued (tcflush); it runs the hooks
        // registered with it first, so this one holds it back until the links have let go of their ports (SIGTERM).
        SerialPort.addShutdownHook(new Thread(this::awaitAllClosed, "espdesk-serial-exit"));
    }

    private void awaitAllClosed() {
        long end = System.nanoTime() + java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(EXIT_WAIT_MS);
        while (!open.isEmpty() && System.nanoTime() < end) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public Set<String> schemes() {
        return Set.of("serial");
    }

    @Override
    public void validate(ChannelAddress address) {
        SerialOptions.of(address);
    }

    @Override
    public SchemeHelp help(String scheme) {
        return SerialOptions.help();
    }

    @Override
    public Channel open(ChannelAddress address) throws IOException {
        SerialOptions o;
        try {
            o = SerialOptions.of(address);
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
        SerialChannel[] self = new SerialChannel[1];
        SerialChannel c = new SerialChannel(o, open::remove,
                path -> open.stream().anyMatch(other -> other != self[0] && other instanceof SerialChannel s && s.holds(path)));
        self[0] = c;
        open.add(c);
        return c;
    }

    /** The serial ports the OS lists: {@code /dev/ttyUSB0 (CP2102 USB to UART Bridge Controller)}. */
    public static List<String> ports() {
        List<String> out = new ArrayList<>();
        for (SerialPort p : SerialPort.getCommPorts()) {
            out.add(p.getSystemPortPath() + " (" + p.getDescriptivePortName() + ")");
        }
        return out;
    }

    @Override
    public void close() {
        for (Channel c : open) {
            c.close();
        }
    }
}
