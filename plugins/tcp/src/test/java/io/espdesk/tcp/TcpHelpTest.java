package io.espdesk.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** espdesk link --help shows exactly the options tcp:// and tcp-listen:// accept: no more, no fewer. */
class TcpHelpTest {
    @Test
    void theHelpNamesEveryOptionEachSchemeTakes() {
        TcpProvider p = new TcpProvider();
        try {
            assertEquals(TcpOptions.CLIENT, p.help("tcp").optionNames());
            assertEquals(TcpOptions.SERVER, p.help("tcp-listen").optionNames());
        } finally {
            p.close();
        }
    }
}
