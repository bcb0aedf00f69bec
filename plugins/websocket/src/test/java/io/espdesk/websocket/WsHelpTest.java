package io.espdesk.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.espdesk.api.SchemeHelp;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** espdesk link --help shows exactly the options ws:// and ws-listen:// accept. */
class WsHelpTest {
    private static Set<String> keys(SchemeHelp h) {
        return h.options().keySet().stream().map(k -> k.substring(0, k.indexOf('='))).collect(Collectors.toSet());
    }

    @Test
    void theHelpNamesEveryOptionEachSchemeTakes() {
        WsProvider p = new WsProvider();
        try {
            assertEquals(WsOptions.CLIENT, keys(p.help("ws")));
            assertEquals(WsOptions.SERVER, keys(p.help("ws-listen")));
        } finally {
            p.close();
        }
    }
}
