package io.espdesk.host.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class SchemeHintTest {
    private static final List<String> KNOWN = List.of("board", "serial", "stdio", "tcp", "tcp-listen", "ws", "ws-listen");

    @Test
    void aTypoGetsTheClosestScheme() {
        assertEquals("tcp", SchemeHint.closest("tpc", KNOWN), "letters swapped");
        assertEquals("tcp-listen", SchemeHint.closest("tcp-lisen", KNOWN), "a letter left out");
        assertEquals("serial", SchemeHint.closest("serail", KNOWN));
        assertEquals("ws", SchemeHint.closest("wss", KNOWN));
        assertNull(SchemeHint.closest("mqtt", KNOWN), "nothing close: no guess");
    }

    @Test
    void theHintListsWhatThereIs() {
        assertEquals("(schemes now: board, serial, stdio, tcp, tcp-listen, ws, ws-listen; did you mean 'tcp'?)",
                SchemeHint.of(List.of("tpc"), KNOWN));
        assertEquals("(schemes now: board, serial, stdio, tcp, tcp-listen, ws, ws-listen)", SchemeHint.of(List.of("mqtt"), KNOWN));
        assertEquals("(schemes now: board, serial, stdio, tcp, tcp-listen, ws, ws-listen; did you mean 'tcp', 'ws'?)",
                SchemeHint.of(List.of("tpc", "wz"), KNOWN));
        assertEquals("(no plugin provides any scheme yet)", SchemeHint.of(List.of("tcp"), List.of()));
    }
}
