package io.espdesk.host.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.espdesk.host.TestBundles;
import io.espdesk.host.cli.CliContext;
import io.espdesk.host.cli.EspdeskCli;
import io.espdesk.host.conf.ConfigLoader;
import io.espdesk.host.conf.HostConfig;
import io.espdesk.host.link.Link;
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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code espdesk host}: the links of conf/links.json wait for their plugin, come up when it is hot-added, and reconnect. */
class HostRuntimeTest {
    @TempDir
    Path home;

    @Test
    void configuredLinksComeAliveWhenTheirPluginArrives() throws Exception {
        Path bundles = Files.createDirectories(home.resolve("bundles"));
        Files.createDirectories(home.resolve("conf"));
        try (ServerSocket peer = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Files.writeString(home.resolve("conf/links.json"), "{\"links\": [{\"name\": \"toPeer\", \"a\": \"testtcp://127.0.0.1:"
                    + peer.getLocalPort() + "\", \"b\": \"stdio:\"}]}");
            HostConfig cfg = new ConfigLoader(home).load(home.resolve("conf"));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PipedOutputStream typing = new PipedOutputStream();
            PrintStream printed = new PrintStream(out, true);
            try (HostRuntime rt = new HostRuntime(cfg, new PipedInputStream(typing), printed, printed::println).start()) {
                rt.startConfiguredLinks(printed::println);
                rt.publish(home.resolve("run"), "host");
                Link link = rt.links().get(0);
                Thread.sleep(200);
                assertEquals(Link.State.WAITING, link.state());
                TestBundles.scheme("test.tcp", "1.0.0", "testtcp").writeTo(bundles, "testtcp.jar");
                peer.setSoTimeout(10_000);
                try (Socket s = peer.accept()) {
                    assertTrue(link.awaitUp(5, TimeUnit.SECONDS));
                    typing.write("from the terminal\n".getBytes(StandardCharsets.UTF_8));
                    typing.flush();
                    s.setSoTimeout(5_000);
                    assertEquals("from the terminal\n", new String(s.getInputStream().readNBytes(18), StandardCharsets.UTF_8));
                }
                // the peer hung up: the link reopens its channel (accept times out otherwise) and is up again
                try (Socket again = peer.accept()) {
                    assertTrue(link.awaitUp(5, TimeUnit.SECONDS));
                    long end = System.currentTimeMillis() + 5_000;
                    while (upLines(out) < 2 && System.currentTimeMillis() < end) {
                        Thread.sleep(10);
                    }
                    assertEquals(2, upLines(out), out.toString(StandardCharsets.UTF_8));

                    // another process's view: espdesk links reads what this host publishes
                    String links = awaitLinks(l -> l.contains(" 18 B ") && l.contains("    2  "));
                    assertTrue(links.contains("toPeer     UP"), links);
                    assertTrue(links.contains("testtcp://127.0.0.1:" + peer.getLocalPort() + " <-> stdio:"), links);
                    assertTrue(links.contains("last: up: testtcp://"), links);
                }
                String log = out.toString(StandardCharsets.UTF_8);
                assertTrue(log.contains("link toPeer: waiting for a plugin for scheme 'testtcp'"), log);
                assertTrue(log.contains("plugin started: test.tcp 1.0.0 (schemes: testtcp)"), log);
                assertTrue(log.contains("link toPeer: up: testtcp://127.0.0.1:"), log);
                assertTrue(log.contains("link toPeer: down: testtcp://127.0.0.1:" + peer.getLocalPort() + ": peer closed"), log);
            }
            String after = awaitLinks(l -> l.startsWith("no espdesk"));
            assertEquals("no espdesk with links is running here (./espdesk host or ./espdesk link starts one)\n", after,
                    "a host that stopped takes its entry with it");
        }
    }

    /** Runs {@code espdesk links} until its output passes {@code ok} (the host publishes twice a second). */
    private String awaitLinks(java.util.function.Predicate<String> ok) throws InterruptedException {
        String got = "";
        long end = System.currentTimeMillis() + 5_000;
        while (System.currentTimeMillis() < end) {
            ByteArrayOutputStream screen = new ByteArrayOutputStream();
            CliContext ctx = new CliContext(home, new java.io.ByteArrayInputStream(new byte[0]), new PrintStream(screen, true),
                    new PrintStream(new ByteArrayOutputStream(), true));
            assertEquals(0, EspdeskCli.run(new String[] {"links"}, ctx));
            got = screen.toString(StandardCharsets.UTF_8);
            if (ok.test(got)) {
                return got;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("espdesk links never showed the figures: " + got);
    }

    private static long upLines(ByteArrayOutputStream out) {
        return out.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("link toPeer: up: ")).count();
    }
}
