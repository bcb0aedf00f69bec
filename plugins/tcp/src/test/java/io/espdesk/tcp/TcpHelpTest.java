package io.espdesk.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.espdesk.api.SchemeHelp;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** espdesk link --help shows exactly the options tcp:// and tcp-listen:// accept: no more, no fewer. */
class TcpHelpTest {
    static Set<String> keys(SchemeHelp h) {
        return h.options().keySet().stream().map(k -> k.substring(0, k.indexOf('='))).collect(Collectors.toSet());
    }

    @Test
    void theHelpNamesEveryOptionEachSchemeTakes() {
        TcpProvider p = new TcpProvider();
        try {
            assertEquals(TcpOptions.CLIENT, keys(p.help("tcp")));
            assertEquals(TcpOptions.SERVER, keys(p.help("tcp-listen")));
        } finally {
            p.close();
        }
    }
}
