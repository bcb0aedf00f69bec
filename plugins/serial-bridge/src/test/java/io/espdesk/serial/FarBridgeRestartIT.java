package io.espdesk.serial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.espdesk.api.ChannelAddress;
import io.espdesk.host.conf.LinkSpec;
import io.espdesk.host.link.Link;
import io.espdesk.host.link.SchemeRegistry;
import io.espdesk.channelkit.Recorder;
import io.espdesk.channelkit.TestBytes;
import io.espdesk.tcp.TcpProvider;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two bridges with {@code ?resume=on}: the near one in this JVM, the far one a real {@code espdesk link} process (the
 * built host jar, the built tcp and serial bundles) that is stopped with SIGTERM and started again, twice, while bytes
 * flow both ways through real pseudo-terminals. Nothing written within the buffer bound is lost or doubled.
 */
class FarBridgeRestartIT {
    @TempDir
    Path home;

    private final List<String> farLines = new CopyOnWriteArrayList<>();

    private Process startFar(String pty, int port) throws Exception {
        Path bundles = home.resolve("bundles");
        if (!Files.exists(bundles)) {
            Files.createDirectories(bundles);
            for (String jar : new String[] {System.getProperty("bundle.jar"), System.getProperty("tcp.bundle.jar")}) {
                Files.copy(Path.of(jar), bundles.resolve(Path.of(jar).getFileName()));
            }
        }
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("espdesk.host.jar") + java.io.File.pathSeparator + System.getProperty("espdesk.host.lib") + "/*";
        Process p = new ProcessBuilder(javaBin, "-Despdesk.home=" + home, "-cp", cp, "io.espdesk.host.cli.EspdeskCli", "link",
                "serial:" + pty, "tcp://127.0.0.1:" + port + "?resume=on&buffer=16M", "--bundles", bundles.toString())
                .redirectErrorStream(true).start();
        int generation = farLines.size();
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream()))) {
                String line;
                while ((line = r.readLine()) != null) {
                    farLines.add(line);
                }
            } catch (Exception e) {
                // the process ended
            }
        });
        t.setDaemon(true);
        t.start();
        long end = System.currentTimeMillis() + 30_000;
        while (farLines.stream().skip(generation).noneMatch(l -> l.contains("connected to 127.0.0.1:"))) {
            assertTrue(System.currentTimeMillis() < end && p.isAlive(), "the far bridge did not connect: " + farLines);
            Thread.sleep(20);
        }
        return p;
    }

    @Test
    void theFarBridgeStoppedWithSigtermAndStartedAgainLosesAndDoublesNothing() throws Exception {
        SchemeRegistry registry = new SchemeRegistry();
        SerialProvider serial = new SerialProvider();
        TcpProvider tcp = new TcpProvider();
        registry.add(serial, "serial");
        registry.add(tcp, "tcp");
        List<String> near = new CopyOnWriteArrayList<>();
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        try (Pty a = Pty.open(); Pty b = Pty.open()) {
            Link link = new Link(new LinkSpec("near", ChannelAddress.parse("serial:" + a.path),
                    ChannelAddress.parse("tcp-listen://127.0.0.1:" + port + "?resume=on&buffer=16M")), registry, near::add, Set.of());
            link.start();
            Process far = startFar(b.path, port);
            try {
                // while the far bridge holds its port, another program cannot take it: one clear line
                SerialChannel intruder = (SerialChannel) serial.open(ChannelAddress.parse("serial:" + b.path));
                Recorder r = new Recorder();
                intruder.start(r);
                assertEquals(b.path + ": in use by another program; waiting for it", r.awaitStatus(b.path + ":", 5_000));
                intruder.close();

                byte[] toFar = TestBytes.everyValue(3 << 20, 5);
                byte[] toNear = TestBytes.everyValue(3 << 20, 6);
                CompletableFuture<byte[]> atFar = CompletableFuture.supplyAsync(() -> b.readUnchecked(toFar.length));
                CompletableFuture<byte[]> atNear = CompletableFuture.supplyAsync(() -> a.readUnchecked(toNear.length));
                CompletableFuture<Void> w1 = CompletableFuture.runAsync(() -> a.pour(toFar));
                CompletableFuture<Void> w2 = CompletableFuture.runAsync(() -> b.pour(toNear));
                for (int restart = 0; restart < 2; restart++) {
                    Thread.sleep(500); // mid-stream
                    far.destroy(); // SIGTERM
                    assertTrue(far.waitFor(20, TimeUnit.SECONDS), "the far bridge did not stop on SIGTERM: " + farLines);
                    Thread.sleep(1_000); // away for a second: the near bridge keeps what arrives
                    far = startFar(b.path, port);
                }
                byte[] gotFar;
                try {
                    gotFar = atFar.get(120, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new AssertionError(e.getCause().getMessage() + "\nnear: " + String.join("\n", near) + "\nfar: " + String.join("\n", farLines), e);
                }
                assertArrayEquals(toFar, gotFar, "near to far: every byte once, in order");
                assertArrayEquals(toNear, atNear.get(120, TimeUnit.SECONDS), "far to near: every byte once, in order");
                w1.get();
                w2.get();
                assertTrue(near.stream().filter(l -> l.contains("the peer started afresh")).count() >= 2, near.toString());
            } finally {
                far.destroy();
                far.waitFor(20, TimeUnit.SECONDS);
                link.stop();
            }
        } finally {
            serial.close();
            tcp.close();
        }
    }
}
