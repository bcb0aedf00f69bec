package io.espdesk.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.espdesk.host.cli.CliContext;
import io.espdesk.host.cli.EspdeskCli;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code espdesk ports} is on the command line and prints what the OS lists as serial: addresses. */
class PortsCommandTest {
    @Test
    void listsPortsAsSerialAddresses() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = EspdeskCli.run(new String[] {"ports"}, new CliContext(Path.of("."), new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true), System.err));
        assertEquals(0, code);
        String text = out.toString(StandardCharsets.UTF_8);
        int listed = SerialProvider.ports().size();
        if (listed == 0) {
            assertEquals("no serial ports found\n", text);
        } else {
            assertEquals(listed, text.lines().filter(l -> l.startsWith("serial:/") || l.startsWith("serial:COM")).count(), text);
        }
        ByteArrayOutputStream h = new ByteArrayOutputStream();
        EspdeskCli.run(new String[] {"ports", "--help"}, new CliContext(Path.of("."), new ByteArrayInputStream(new byte[0]),
                new PrintStream(h, true), System.err));
        assertTrue(h.toString(StandardCharsets.UTF_8).contains("./espdesk ports"), h.toString(StandardCharsets.UTF_8));
    }
}
