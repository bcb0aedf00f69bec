package io.espdesk.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** espdesk link --help shows exactly the options serial: accepts. */
class SerialHelpTest {
    @Test
    void theHelpNamesEveryOption() {
        assertEquals(SerialOptions.KNOWN, SerialOptions.help().optionNames());
    }
}
