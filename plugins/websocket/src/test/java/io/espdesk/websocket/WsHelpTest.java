package io.espdesk.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** espdesk link --help shows exactly the options ws:// and ws-listen:// accept. */
class WsHelpTest {
    @Test
    void theHelpNamesEveryOptionEachSchemeTakes() {
        WsProvider p = new WsProvider();
        try {
            assertEquals(WsOptions.CLIENT, p.help("ws").optionNames());
            assertEquals(WsOptions.SERVER, p.help("ws-listen").optionNames());
        } finally {
            p.close();
        }
    }
}
