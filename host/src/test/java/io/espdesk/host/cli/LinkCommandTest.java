package io.espdesk.host.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.espdesk.host.TestBundles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code espdesk link} end to end: a real plugin jar in a real bundles folder, a real loopback socket, stdio as pipes. */
class LinkCommandTest {
    @TempDir
    Path home;

    @Test
    void relaysBothWaysAndEndsWhenStdinEnds() throws Exception {
        Path bundles = Files.createDirectories(home.resolve("bundles"));
        TestBundles.scheme("test.tcp", "1.0.0", "testtcp").writeTo(bundles, "testtcp.jar");
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            PipedOutputStream typing = new PipedOutputStream();
            PipedInputStream stdin = new PipedInputStream(typing);
            PipedInputStream screen = new PipedInputStream(1 << 16);
            PrintStream stdout = new PrintStream(new PipedOutputStream(screen), true);
            ByteArrayOutputStream stderr = new ByteArrayOutputStream();
            CliContext ctx = new CliContext(home, stdin, stdout, new PrintStream(stderr, true));
            CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> EspdeskCli.run(
                    new String[] {"link", "testtcp://127.0.0.1:" + server.getLocalPort(), "stdio:"}, ctx));

            server.setSoTimeout(10_000);
            try (Socket peer = server.accept()) {
                typing.write("typed into the terminal\n".getBytes(StandardCharsets.UTF_8));
                typing.flush();
                byte[] got = peer.getInputStream().readNBytes(24);
                assertEquals("typed into the terminal\n", new String(got, StandardCharsets.UTF_8));

                peer.getOutputStream().write("from the network\n".getBytes(StandardCharsets.UTF_8));
                assertEquals("from the network\n", new String(screen.readNBytes(17), StandardCharsets.UTF_8));

                typing.close(); // end of input ends the link, as with socat
                assertEquals(0, exit.get(10, TimeUnit.SECONDS));
                peer.setSoTimeout(5_000);
                assertEquals(-1, peer.getInputStream().read(), "the far end saw the link close");
            }
            String log = stderr.toString(StandardCharsets.UTF_8);
            // unnamed, a link is called by its addresses, so two of them read apart in their lines and in espdesk links
            String name = "testtcp:" + server.getLocalPort() + "<->stdio";
            assertTrue(log.contains("link " + name + ": up: testtcp://127.0.0.1:"), log);
            assertTrue(log.contains("link " + name + ": down: stdio:: end of input"), log);
        }
    }

    @Test
    void aLinkGivenANameGoesByIt() throws Exception {
        Path bundles = Files.createDirectories(home.resolve("bundles"));
        TestBundles.scheme("test.tcp", "1.0.0", "testtcp").writeTo(bundles, "testtcp.jar");
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            PipedOutputStream typing = new PipedOutputStream();
            ByteArrayOutputStream stderr = new ByteArrayOutputStream();
            CliContext ctx = new CliContext(home, new PipedInputStream(typing), new PrintStream(new ByteArrayOutputStream()),
                    new PrintStream(stderr, true));
            CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> EspdeskCli.run(
                    new String[] {"link", "--name", "toBoard", "testtcp://127.0.0.1:" + server.getLocalPort(), "stdio:"}, ctx));
            server.setSoTimeout(10_000);
            try (Socket peer = server.accept()) {
                typing.close();
                assertEquals(0, exit.get(10, TimeUnit.SECONDS));
            }
            assertTrue(stderr.toString(StandardCharsets.UTF_8).startsWith("link toBoard: up: testtcp://127.0.0.1:"),
                    stderr.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void badAddressIsOneLineAndExitCode2() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliContext ctx = new CliContext(home, new ByteArrayInputStream(new byte[0]), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true));
        assertEquals(2, EspdeskCli.run(new String[] {"link", "nowhere", "stdio:"}, ctx));
        assertEquals("espdesk: address 'nowhere' has no scheme (expected e.g. tcp://127.0.0.1:7000 or stdio:)\n",
                err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void badConfigurationStopsBeforeAnythingStarts() throws Exception {
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf/espdesk.json"), "{\"bundels\": \"x\"}");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliContext ctx = new CliContext(home, new ByteArrayInputStream(new byte[0]), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true));
        assertEquals(2, EspdeskCli.run(new String[] {"host"}, ctx));
        assertEquals("espdesk: conf/espdesk.json:1:2: unknown key \"bundels\" (expected one of: bundles, logLevel, settleMillis)\n",
                err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void linkHelpListsTheSchemesAndOptionsThePluginsDeclareAHotAddedOneIncluded() throws Exception {
        Path bundles = Files.createDirectories(home.resolve("bundles"));
        String before = linkHelp();
        assertTrue(before.contains("\n  stdio:  "), before);
        assertTrue(!before.contains("testtcp"), before);
        TestBundles.scheme("test.tcp", "1.0.0", "testtcp").writeTo(bundles, "testtcp.jar");
        String after = linkHelp();
        assertTrue(after.matches("(?s).*\n  testtcp://HOST:PORT +a tiny loopback test client\n      \\?nothing=0 +no option is read \\(test\\)\n.*"),
                after);
        assertTrue(after.indexOf("Address schemes") < after.indexOf("Examples:"), "the schemes come before the examples: " + after);
    }

    private String linkHelp() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CliContext ctx = new CliContext(home, new ByteArrayInputStream(new byte[0]), new PrintStream(out, true), System.err);
        assertEquals(0, EspdeskCli.run(new String[] {"link", "--help"}, ctx));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpExplainsEveryCommandWithAnExample() {
        for (String cmd : new String[] {"host", "plugins", "link"}) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            CliContext ctx = new CliContext(home, new ByteArrayInputStream(new byte[0]), new PrintStream(out, true), System.err);
            assertEquals(0, EspdeskCli.run(new String[] {cmd, "--help"}, ctx));
            String text = out.toString(StandardCharsets.UTF_8);
            assertTrue(text.contains("Usage: espdesk " + cmd), text);
            assertTrue(text.contains("Example"), text);
            assertTrue(text.contains("./espdesk " + cmd), text);
        }
    }
}
