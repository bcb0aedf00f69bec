package io.espdesk.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.espdesk.host.TestBundles;
import java.io.File;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code espdesk link … stdio:} on a real terminal (a pseudo-terminal in its ordinary cooked mode is the child's
 * standard input and output): keys go out as typed, the terminal does not echo them a second time, and the
 * terminal's settings are as before once espdesk has gone.
 */
class StdioTerminalTest {
    @TempDir
    Path home;

    private static String stty(String device, String... args) throws Exception {
        String[] cmd = new String[args.length + 1];
        cmd[0] = "stty";
        System.arraycopy(args, 0, cmd, 1, args.length);
        Process p = new ProcessBuilder(cmd).redirectInput(new File(device)).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
        assertEquals(0, p.waitFor(), "stty " + String.join(" ", args));
        return out;
    }

    @Test
    void onATerminalKeysGoOutAsTypedWithoutASecondEcho() throws Exception {
        Path bundles = Files.createDirectories(home.resolve("bundles"));
        TestBundles.scheme("test.tcp", "1.0.0", "testtcp").writeTo(bundles, "testtcp.jar");
        try (Pty terminal = Pty.open(); ServerSocket board = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            stty(terminal.path, "sane"); // as a terminal window starts: line editing and echo on
            String before = stty(terminal.path, "-g");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            File tty = new File(terminal.path);
            Process p = new ProcessBuilder(java, "-Despdesk.home=" + home, "-cp", System.getProperty("java.class.path"),
                    "io.espdesk.host.cli.EspdeskCli", "link", "--quiet", "testtcp://127.0.0.1:" + board.getLocalPort(), "stdio:")
                    .redirectInput(tty).redirectOutput(tty).redirectError(home.resolve("err.txt").toFile()).start();
            try {
                board.setSoTimeout(20_000);
                try (Socket s = board.accept()) {
                    s.setSoTimeout(10_000);
                    long end = System.currentTimeMillis() + 10_000;
                    while (stty(terminal.path, "-g").equals(before) && System.currentTimeMillis() < end) {
                        Thread.sleep(20); // the link opens stdio: (and sets the terminal) just after connecting
                    }
                    terminal.write("ab".getBytes(StandardCharsets.US_ASCII)); // no Enter: in line mode it would wait
                    assertEquals("ab", new String(s.getInputStream().readNBytes(2), StandardCharsets.US_ASCII));
                    s.getOutputStream().write("AB\r\n".getBytes(StandardCharsets.US_ASCII));
                    // the first bytes on the terminal are the board's answer: the terminal did not echo "ab"
                    assertEquals("AB", new String(terminal.read(2), StandardCharsets.US_ASCII));
                }
                p.destroy(); // SIGTERM, as Ctrl-C would: the link ends and the terminal is put back
                assertTrue(p.waitFor(20, TimeUnit.SECONDS));
            } finally {
                p.destroyForcibly();
            }
            assertEquals(before, stty(terminal.path, "-g"), "the terminal's settings are restored");
        }
    }
}
