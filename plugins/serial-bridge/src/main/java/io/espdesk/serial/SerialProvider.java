package io.espdesk.serial;

import com.fazecast.jSerialComm.SerialPort;
import io.espdesk.api.Channel;
import io.espdesk.api.ChannelAddress;
import io.espdesk.api.ChannelProvider;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The {@code serial:} scheme: serial ports (and any device path, such as a pseudo-terminal) as channels. */
public final class SerialProvider implements ChannelProvider, AutoCloseable {
    private final Set<Channel> open = ConcurrentHashMap.newKeySet();

    @Override
    public Set<String> schemes() {
        return Set.of("serial");
    }

    @Override
    public void validate(ChannelAddress address) {
        SerialOptions.of(address);
    }

    @Override
    public Channel open(ChannelAddress address) throws IOException {
        SerialOptions o;
        try {
            o = SerialOptions.of(address);
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
        SerialChannel c = new SerialChannel(o, open::remove);
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
