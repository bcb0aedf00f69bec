package io.espdesk.serial;

import com.fazecast.jSerialComm.SerialPort;
import io.espdesk.api.ChannelAddress;
import io.espdesk.api.SchemeHelp;
import java.util.Map;
import java.util.Set;

/**
 * {@code serial:PATH?baud=115200&data=8&parity=none&stop=1&flow=none}, checked once when a link is configured.
 *
 * @param path     the OS's port name ({@code /dev/ttyUSB0}, {@code COM3}) or any device path (a pseudo-terminal)
 * @param baud     bits per second (meaningless on a pseudo-terminal, kept for real ports)
 * @param parity   a jSerialComm parity constant
 * @param stopBits a jSerialComm stop-bits constant
 * @param flow     jSerialComm flow-control flags
 * @param bufferBytes what to keep while the device is away (store-and-forward), 1 MiB unless {@code ?buffer=}
 */
record SerialOptions(String path, int baud, int dataBits, int parity, int stopBits, int flow, long bufferBytes) {
    static final Set<String> KNOWN = Set.of("baud", "data", "parity", "stop", "flow", "buffer");
    private static final Map<String, Integer> PARITY = Map.of("none", SerialPort.NO_PARITY, "odd", SerialPort.ODD_PARITY,
            "even", SerialPort.EVEN_PARITY, "mark", SerialPort.MARK_PARITY, "space", SerialPort.SPACE_PARITY);
    private static final Map<String, Integer> STOP = Map.of("1", SerialPort.ONE_STOP_BIT, "1.5", SerialPort.ONE_POINT_FIVE_STOP_BITS,
            "2", SerialPort.TWO_STOP_BITS);
    private static final Map<String, Integer> FLOW = Map.of("none", SerialPort.FLOW_CONTROL_DISABLED,
            "rtscts", SerialPort.FLOW_CONTROL_RTS_ENABLED | SerialPort.FLOW_CONTROL_CTS_ENABLED,
            "xonxoff", SerialPort.FLOW_CONTROL_XONXOFF_IN_ENABLED | SerialPort.FLOW_CONTROL_XONXOFF_OUT_ENABLED);

    static SerialOptions of(ChannelAddress a) {
        a.requireKnownOptions(KNOWN);
        String path = a.body();
        if (path.isEmpty()) {
            throw new IllegalArgumentException("address '" + a + "' names no port (expected serial:/dev/ttyUSB0 or serial:COM3)");
        }
        int baud = number(a, "baud", 115_200, 1, 12_000_000);
        int data = number(a, "data", 8, 5, 8);
        return new SerialOptions(path, baud, data, pick(a, "parity", "none", PARITY), pick(a, "stop", "1", STOP), pick(a, "flow", "none", FLOW),
                io.espdesk.channelkit.HoldBuffer.parseSize(a, "buffer", 1 << 20));
    }

    private static int number(ChannelAddress a, String name, int fallback, int min, int max) {
        String v = a.option(name, null);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("address '" + a + "': option " + name + " must be a whole number from " + min + " to " + max
                    + " (found '" + v + "')");
        }
    }

    private static int pick(ChannelAddress a, String name, String fallback, Map<String, Integer> values) {
        String v = a.option(name, fallback);
        Integer x = values.get(v);
        if (x == null) {
            throw new IllegalArgumentException("address '" + a + "': option " + name + " must be one of "
                    + String.join(", ", new java.util.TreeSet<>(values.keySet())) + " (found '" + v + "')");
        }
        return x;
    }

    /** What espdesk link --help says of serial: (the keys are exactly KNOWN). */
    static SchemeHelp help() {
        Map<String, String> o = new java.util.LinkedHashMap<>();
        o.put("baud=N", "bits per second (115200); nothing on a pseudo-terminal");
        o.put("data=5..8", "data bits (8)");
        o.put("parity=none|odd|even|mark|space", "parity (none)");
        o.put("stop=1|1.5|2", "stop bits (1)");
        o.put("flow=none|rtscts|xonxoff", "flow control (none)");
        o.put("buffer=SIZE", "kept while the device is unplugged, written first when it is back (1M; 0: writes wait)");
        return new SchemeHelp("serial:PATH", "a serial port (/dev/ttyUSB0, COM3) or a pseudo-terminal; reopened when it comes back", o);
    }
}
