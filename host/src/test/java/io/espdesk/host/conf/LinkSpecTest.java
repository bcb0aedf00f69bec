package io.espdesk.host.conf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.espdesk.api.ChannelAddress;
import org.junit.jupiter.api.Test;

class LinkSpecTest {
    private static String name(String a, String b) {
        return LinkSpec.defaultName(ChannelAddress.parse(a), ChannelAddress.parse(b));
    }

    @Test
    void anUnnamedLinkIsCalledByItsAddressesShortened() {
        assertEquals("tcp-listen:8888<->stdio", name("tcp-listen://127.0.0.1:8888", "stdio:"));
        assertEquals("serial:ttyUSB0<->tcp:192.168.1.20:7000", name("serial:/dev/ttyUSB0?baud=115200", "tcp://192.168.1.20:7000?resume=on"));
        assertEquals("board:left<->pty:ttyA", name("board://left/uart0?sim=lua-scripts/serial-relay", "pty:/tmp/ttyA"));
        assertEquals("ws-listen:81<->ws:82", name("ws-listen://127.0.0.1:81/?frame=line", "ws://[::1]:82/?frame=line"));
        assertEquals("serial:COM3<->tcp-listen:0.0.0.0:7000", name("serial:COM3", "tcp-listen://0.0.0.0:7000"));
    }
}
