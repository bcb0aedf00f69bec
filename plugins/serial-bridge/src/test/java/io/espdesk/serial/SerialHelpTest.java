package io.espdesk.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** espdesk link --help shows exactly the options serial: accepts. */
class SerialHelpTest {
    @Test
    void theHelpNamesEveryOption() {
        assertEquals(SerialOptions.KNOWN, SerialOptions.help().options().keySet().stream()
                .map(k -> k.substring(0, k.indexOf('='))).collect(Collectors.toSet()));
    }
}
