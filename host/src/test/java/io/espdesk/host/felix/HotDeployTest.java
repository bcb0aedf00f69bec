package io.espdesk.host.felix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.espdesk.api.ChannelAddress;
import io.espdesk.host.Lines;
import io.espdesk.host.TestBundles;
import io.espdesk.host.conf.LinkSpec;
import io.espdesk.host.link.Link;
import io.espdesk.host.link.SchemeRegistry;
import io.espdesk.host.link.StdioProvider;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real embedded Felix watching a real temporary bundles/ folder, fed real jars while it runs. */
class HotDeployTest {
    @TempDir
    Path bundles;

    private final Lines lines = new Lines();
    private final SchemeRegistry registry = new SchemeRegistry();
    private PluginHost host;

    @BeforeEach
    void startHost() throws Exception {
        host = new PluginHost(bundles, 40, lines::accept, registry, false);
        host.start();
    }

    @AfterEach
    void stopHost() {
        host.close();
    }

    @Test
    void jarCopiedInStartsUpdatesAndStopsWithItsLinks() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            PipedInputStream stdoutReader = new PipedInputStream(1 << 16);
            PipedOutputStream stdout = new PipedOutputStream(stdoutReader);
            registry.add(new StdioProvider(new PipedInputStream(new PipedOutputStream()), stdout), "host");
            Lines linkLines = new Lines();
            Link link = new Link(new LinkSpec("t", ChannelAddress.parse("echotcp://127.0.0.1:" + server.getLocalPort()),
                    ChannelAddress.parse("stdio:")), registry, linkLines, Set.of());
            link.start();
            linkLines.await("waiting for a plugin for scheme 'echotcp'", 2_000);

            TestBundles.scheme("test.echo", "1.0.0", "echotcp").writeTo(bundles, "echo.jar");
            assertEquals("plugin started: test.echo 1.0.0 (schemes: echotcp)", lines.await("plugin started", 5_000));
            assertNotNull(registry.find("echotcp"));

            // the scheme is usable: the waiting link came up and relays
            server.setSoTimeout(20_000); // a test never waits for ever on a peer that does not come
            Socket s = server.accept();
            assertTrue(link.awaitUp(5, TimeUnit.SECONDS));
            s.getOutputStream().write("hello\n".getBytes(StandardCharsets.US_ASCII));
            byte[] got = stdoutReader.readNBytes(6);
            assertEquals("hello\n", new String(got, StandardCharsets.US_ASCII));

            TestBundles.scheme("test.echo", "1.0.1", "echotcp").writeTo(bundles, "echo.jar");
            assertEquals("plugin updated: test.echo 1.0.1 (schemes: echotcp)", lines.await("plugin updated", 5_000));
            s.setSoTimeout(5_000);
            assertEquals(-1, s.getInputStream().read(), "the update closed the link's old channel");
            s.close();
            Socket s2 = server.accept(); // and the link came back on the new version
            assertTrue(link.awaitUp(5, TimeUnit.SECONDS));

            Files.delete(bundles.resolve("echo.jar"));
            assertEquals("plugin stopped: test.echo 1.0.1", lines.await("plugin stopped", 5_000));
            s2.setSoTimeout(5_000);
            assertEquals(-1, s2.getInputStream().read(), "removing the plugin closed its link");
            linkLines.await("down: the plugin for its scheme stopped", 5_000);
            linkLines.await("waiting for a plugin for scheme 'echotcp'", 5_000);
            assertNull(registry.find("echotcp"));
            link.stop();
            s2.close();
        }
    }

    @Test
    void corruptJarGetsOneLineAndTheHostCarriesOn() throws Exception {
        byte[] junk = new byte[4096];
        new Random(1).nextBytes(junk);
        Files.write(bundles.resolve("corrupt.jar"), junk);
        String line = lines.await("corrupt.jar", 5_000);
        assertTrue(line.startsWith("plugin failed: corrupt.jar: not a valid jar"), line);
        assertPluginStillDeploys("test.after.corrupt");
    }

    @Test
    void plainJarIsNotABundle() throws Exception {
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (OutputStream o = Files.newOutputStream(bundles.resolve("plain.jar")); JarOutputStream j = new JarOutputStream(o, mf)) {
            j.putNextEntry(new java.util.zip.ZipEntry("hello.txt"));
            j.write("not a plugin".getBytes(StandardCharsets.UTF_8));
        }
        assertEquals("plugin failed: plain.jar: not an OSGi bundle (its manifest has no Bundle-SymbolicName)",
                lines.await("plain.jar", 5_000));
        assertPluginStillDeploys("test.after.plain");
    }

    @Test
    void missingImportIsNamedAndStartsOnceAPluginExportsIt() throws Exception {
        TestBundles.scheme("test.needy", "1.0.0", "needy")
                .header("Import-Package", "io.espdesk.api,org.osgi.framework,com.example.nothere")
                .writeTo(bundles, "needy.jar");
        assertEquals("plugin failed: needy.jar: cannot resolve: missing package com.example.nothere "
                + "(it will start when a plugin exporting it is added)", lines.await("needy.jar", 5_000));
        TestBundles.scheme("test.exporter", "1.0.0", "exporter")
                .header("Export-Package", "com.example.nothere")
                .writeTo(bundles, "exporter.jar");
        lines.await("plugin started: test.exporter", 5_000);
        assertEquals("plugin started: test.needy 1.0.0 (schemes: needy)", lines.await("plugin started: test.needy", 5_000));
    }

    @Test
    void activatorThatThrowsIsReported() throws Exception {
        TestBundles.activator("test.throws", "ThrowingActivator").writeTo(bundles, "throws.jar");
        assertEquals("plugin failed: throws.jar: its start threw java.lang.IllegalStateException: boom from the activator",
                lines.await("throws.jar", 5_000));
        assertPluginStillDeploys("test.after.throws");
    }

    @Test
    void activatorThatBlocksDoesNotHoldTheOthersBack() throws Exception {
        TestBundles.activator("test.blocks", "BlockingActivator").writeTo(bundles, "blocks.jar");
        Thread.sleep(200); // the blocking start is under way
        long t0 = System.nanoTime();
        assertPluginStillDeploys("test.after.blocks");
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        // the blocked start sleeps 120 s: any wait well under that proves the next plugin did not queue behind it
        assertTrue(ms < 20_000, "the next plugin waited " + ms + " ms behind the blocked one");
        lines.await("plugin slow: blocks.jar: its start has not returned after 2 s", 5_000);
        assertTrue(lines.snapshot().stream().noneMatch(l -> l.contains("test.blocks 1.0.0 (")), "the blocked one never claimed to start");
    }

    @Test
    void pluginsListShowsStateSchemesAndFailures() throws Exception {
        TestBundles.scheme("test.listed", "2.0.0", "listed").writeTo(bundles, "listed.jar");
        Files.write(bundles.resolve("broken.jar"), "PK not really".getBytes(StandardCharsets.US_ASCII));
        lines.await("plugin started: test.listed", 5_000);
        lines.await("broken.jar", 5_000);
        var list = host.plugins();
        assertEquals(2, list.size());
        assertEquals("failed", list.get(0).state());
        assertEquals("broken.jar", list.get(0).file());
        assertEquals(new PluginInfo("listed.jar", "test.listed", "2.0.0", "active", java.util.List.of("listed"), null), list.get(1));
    }

    private void assertPluginStillDeploys(String name) throws Exception {
        TestBundles.scheme(name, "1.0.0", name.replace('.', '-')).writeTo(bundles, name + ".jar");
        lines.await("plugin started: " + name + " 1.0.0", 5_000);
        assertNotNull(registry.find(name.replace('.', '-')));
    }


}
