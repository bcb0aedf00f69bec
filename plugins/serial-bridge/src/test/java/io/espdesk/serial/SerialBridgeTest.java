package io.espdesk.serial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.espdesk.api.ChannelAddress;
import io.espdesk.host.conf.LinkSpec;
import io.espdesk.host.link.Link;
import io.espdesk.host.link.SchemeRegistry;
import io.espdesk.channelkit.CuttingProxy;
import io.espdesk.channelkit.Recorder;
import io.espdesk.channelkit.TestBytes;
import io.espdesk.tcp.TcpProvider;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two serial bridges joined over loopback TCP, on real pseudo-terminals: what goes into one comes out of the other. */
class SerialBridgeTest {
    @TempDir
    Path tmp;

    private final SchemeRegistry registry = new SchemeRegistry();
    private final SerialProvider serial = new SerialProvider();
    private final TcpProvider tcp = new TcpProvider();
    private final List<String> status = new CopyOnWriteArrayList<>();

    SerialBridgeTest() {
        registry.add(serial, "serial");
        registry.add(tcp, "tcp");
    }

    private final List<Link> links = new CopyOnWriteArrayList<>();

    /**
     * Links are stopped first: a link left running would reopen its port once the test's pseudo-terminal is gone, and
     * take the next test's pseudo-terminal when the OS hands out the same /dev/pts number again.
     */
    @AfterEach
    void close() {
        links.forEach(Link::stop);
        serial.close();
        tcp.close();
    }

    private Link link(String name, String a, String b) {
        Link l = new Link(new LinkSpec(name, ChannelAddress.parse(a), ChannelAddress.parse(b)), registry, status::add, Set.of());
        links.add(l);
        l.start();
        return l;
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void sixteenMebibytesOfEveryByteValueEachWayArriveIdentical() throws Exception {
        try (Pty a = Pty.open(); Pty b = Pty.open()) {
            int port = freePort();
            Link la = link("A", "serial:" + a.path, "tcp-listen://127.0.0.1:" + port);
            Link lb = link("B", "serial:" + b.path, "tcp://127.0.0.1:" + port);
            assertTrue(la.awaitUp(5, TimeUnit.SECONDS) && lb.awaitUp(5, TimeUnit.SECONDS), status.toString());
            awaitStatus("client 127.0.0.1:");
            byte[] one = new byte[16 << 20];
            byte[] two = new byte[16 << 20];
            new Random(1).nextBytes(one);
            new Random(2).nextBytes(two);
            for (int i = 0; i < 256; i++) {
                one[i] = (byte) i; // every byte value, control characters included
                two[i] = (byte) (255 - i);
            }
            CompletableFuture<byte[]> atB = CompletableFuture.supplyAsync(() -> b.readUnchecked(one.length));
            CompletableFuture<byte[]> atA = CompletableFuture.supplyAsync(() -> a.readUnchecked(two.length));
            CompletableFuture<Void> w1 = CompletableFuture.runAsync(() -> a.writeUnchecked(one));
            CompletableFuture<Void> w2 = CompletableFuture.runAsync(() -> b.writeUnchecked(two));
            assertArrayEquals(one, atB.get(120, TimeUnit.SECONDS));
            assertArrayEquals(two, atA.get(120, TimeUnit.SECONDS));
            w1.get();
            w2.get();
            la.stop();
            lb.stop();
        }
    }

    @Test
    void withResumeEveryByteArrivesOnceAndInOrderWhileTheNetworkIsCutAgainAndAgain() throws Exception {
        try (Pty a = Pty.open(); Pty b = Pty.open()) {
            int port = freePort();
            Link la = link("A", "serial:" + a.path, "tcp-listen://127.0.0.1:" + port + "?resume=on&buffer=16M");
            assertTrue(la.awaitUp(5, TimeUnit.SECONDS), status.toString());
            try (CuttingProxy proxy = new CuttingProxy(port)) {
                link("B", "serial:" + b.path, "tcp://127.0.0.1:" + proxy.port() + "?resume=on&buffer=16M");
                awaitStatus("connected to 127.0.0.1:");
                byte[] one = TestBytes.everyValue(4 << 20, 3);
                byte[] two = TestBytes.everyValue(4 << 20, 4);
                CompletableFuture<byte[]> atB = CompletableFuture.supplyAsync(() -> b.readUnchecked(one.length));
                CompletableFuture<byte[]> atA = CompletableFuture.supplyAsync(() -> a.readUnchecked(two.length));
                CompletableFuture<Void> w1 = CompletableFuture.runAsync(() -> a.pour(one));
                CompletableFuture<Void> w2 = CompletableFuture.runAsync(() -> b.pour(two));
                for (int cut = 0; cut < 4; cut++) {
                    long before = proxy.forwarded();
                    while (proxy.forwarded() < before + (200 << 10)) {
                        Thread.sleep(5); // mid-stream
                    }
                    proxy.cut(500 + 500L * cut); // connections reset, new ones refused meanwhile
                }
                assertArrayEquals(one, atB.get(120, TimeUnit.SECONDS), "A to B: every byte once, in order");
                assertArrayEquals(two, atA.get(120, TimeUnit.SECONDS), "B to A: every byte once, in order");
                w1.get();
                w2.get();
                assertTrue(status.stream().filter(s -> s.contains("reconnecting in")).count() >= 4, status.toString());
                assertTrue(status.stream().noneMatch(s -> s.contains("lost ") && s.contains("bytes")), status.toString());
            }
        }
    }

    @Test
    void closingThePortDiscardsNothingTheBoardSentThatWasNotReadYet() throws Exception {
        try (Pty pty = Pty.open()) {
            SerialChannel c = (SerialChannel) serial.open(ChannelAddress.parse("serial:" + pty.path));
            Recorder r = new Recorder();
            c.start(r);
            r.awaitStatus("opened " + pty.path, 5_000);
            c.quiesce(); // the link is ending: no more reading
            pty.write("sent while the bridge was stopping".getBytes());
            Thread.sleep(50);
            c.close(); // jSerialComm's closePort alone would discard it (tcflush TCIOFLUSH)
            SerialChannel next = (SerialChannel) serial.open(ChannelAddress.parse("serial:" + pty.path));
            Recorder r2 = new Recorder();
            next.start(r2); // the bridge started again gets it
            r2.awaitBytes(34, 5_000);
            assertEquals("sent while the bridge was stopping", new String(r2.bytes()));
            assertEquals(0, r.bytes().length);
            next.close();
        }
    }

    @Test
    void aSimulatedBoardBridgedToASerialPortAnswersWhatIsTypedIntoThePort() throws Exception {
        Path board = Files.createDirectories(tmp.resolve("desk/echo"));
        Files.writeString(board.resolve("init.lua"), String.join("\n",
                "print('ready')",
                "uart.on('data', 0, function(d) uart.write(0, string.upper(d)) end, 0)"));
        io.espdesk.sim.osgi.BoardProvider boards = new io.espdesk.sim.osgi.BoardProvider(tmp);
        registry.add(boards, "nodemcu");
        try (Pty pty = Pty.open()) {
            Link l = link("B", "serial:" + pty.path, "board://echo/uart0?sim=desk");
            assertTrue(l.awaitUp(5, TimeUnit.SECONDS), status.toString());
            StringBuilder boot = new StringBuilder();
            while (!boot.toString().endsWith("ready\r\n> ") && boot.length() < 2_000) {
                boot.append((char) (pty.read(1)[0] & 0xff)); // the firmware's banner, the script's first line, the prompt
            }
            assertTrue(boot.toString().startsWith("NodeMCU") && boot.toString().endsWith(")\r\nready\r\n> "), boot.toString());
            pty.write("every byte: \u00e9".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            assertEquals("EVERY BYTE: \u00e9", new String(pty.read(13), java.nio.charset.StandardCharsets.ISO_8859_1));
            l.stop();
        } finally {
            boards.close();
        }
    }

    @Test
    void aStaleEntryInJSerialCommsRegistryDoesNotKeepThePortShut() throws Exception {
        try (Pty pty = Pty.open()) {
            // make the stale entry: jSerialComm opens the port, then its descriptor is swapped away under it, so the
            // device is free but jSerialComm still lists the name as open (what a test run once left behind)
            com.fazecast.jSerialComm.SerialPort stale = com.fazecast.jSerialComm.SerialPort.getCommPort(pty.path);
            java.util.Set<Integer> before = Descriptors.openOn(pty.path);
            assertTrue(stale.openPort());
            java.util.Set<Integer> fds = Descriptors.openOn(pty.path);
            fds.removeAll(before);
            assertEquals(1, fds.size());
            assertTrue(Descriptors.detach(fds.iterator().next()));
            assertEquals(2, failedOpenCode(pty.path), "jSerialComm refuses the name");

            Path byId = tmp.resolve("usb-board-if00"); // a name as /dev/serial/by-id gives, resolved by jSerialComm
            Files.createSymbolicLink(byId, Path.of(pty.path));
            SerialChannel c = (SerialChannel) serial.open(ChannelAddress.parse("serial:" + byId));
            Recorder r = new Recorder();
            c.start(r);
            assertEquals("opened " + byId, r.awaitStatus("opened", 5_000));
            pty.write("through".getBytes());
            r.awaitBytes(7, 5_000);
            assertEquals("through", new String(r.bytes()));
            c.close();
            stale.closePort();
        }
    }

    private static int failedOpenCode(String path) {
        com.fazecast.jSerialComm.SerialPort p = com.fazecast.jSerialComm.SerialPort.getCommPort(path);
        return p.openPort() ? 0 : p.getLastErrorCode();
    }

    @Test
    void aPortAlreadyOpenIsOneClearLine() throws Exception {
        try (Pty pty = Pty.open()) {
            SerialChannel first = (SerialChannel) serial.open(ChannelAddress.parse("serial:" + pty.path));
            Recorder r1 = new Recorder();
            first.start(r1);
            r1.awaitStatus("opened " + pty.path, 5_000);
            SerialChannel second = (SerialChannel) serial.open(ChannelAddress.parse("serial:" + pty.path));
            Recorder r = new Recorder();
            second.start(r);
            assertEquals(pty.path + ": already open in this espdesk (another link uses it); waiting for it",
                    r.awaitStatus(pty.path + ":", 5_000));
            second.close();
            first.close();
        }
    }

    @Test
    void aSingleByteArrivesPromptly() throws Exception {
        try (Pty a = Pty.open(); Pty b = Pty.open()) {
            int port = freePort();
            link("A", "serial:" + a.path, "tcp-listen://127.0.0.1:" + port);
            link("B", "serial:" + b.path, "tcp://127.0.0.1:" + port);
            awaitStatus("client 127.0.0.1:");
            CompletableFuture<byte[]> got = CompletableFuture.supplyAsync(() -> b.readUnchecked(1));
            a.write(new byte[] {'x'});
            assertArrayEquals(new byte[] {'x'}, got.get(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void aDeviceThatGoesAwayIsClosedAtOnceAndReopenedWhenItReturns() throws Exception {
        Path dev = tmp.resolve("ttyBOARD");
        Pty first = Pty.open();
        Files.createSymbolicLink(dev, Path.of(first.path));
        SerialChannel c = (SerialChannel) serial.open(ChannelAddress.parse("serial:" + dev));
        Recorder r = new Recorder();
        c.start(r);
        r.awaitStatus("opened " + dev, 5_000);
        first.write("before".getBytes());
        r.awaitBytes(6, 5_000);

        Files.delete(dev); // unplugged: the name goes first, so no poll can find it while the pty is half closed
        first.close();
        r.awaitStatus(dev + ": the device went away", 5_000);
        Thread.sleep(1_000); // a second away: quiet, no flood of lines
        long cpu0 = cpuNanos();
        Thread.sleep(1_000);
        long cpuMs = (cpuNanos() - cpu0) / 1_000_000;

        try (Pty second = Pty.open()) { // plugged back in
            Files.createSymbolicLink(dev, Path.of(second.path));
            r.awaitStatus("reopened " + dev, 5_000);
            second.write("after".getBytes());
            r.awaitBytes(11, 5_000);
            assertEquals("beforeafter", new String(r.bytes()));
            c.write("to device".getBytes(), 0, 9);
            assertEquals("to device", new String(second.read(9)));
            assertEquals(List.of("opened " + dev, dev + ": the device went away; closed it, reopening when it returns", "reopened " + dev),
                    r.status.stream().filter(s -> !s.startsWith(dev + ": no such device")).toList());
            assertTrue(r.status.stream().filter(s -> s.startsWith(dev + ": no such device")).count() <= 1, r.status.toString());
        }
        assertTrue(cpuMs < 500, "waiting for the device used " + cpuMs + " ms of CPU in a second");
        c.close();
    }

    @Test
    void whatArrivesWhileTheDeviceIsAwayIsWrittenWhenItReturns() throws Exception {
        Path dev = tmp.resolve("ttyLATER");
        SerialChannel c = (SerialChannel) serial.open(ChannelAddress.parse("serial:" + dev));
        Recorder r = new Recorder();
        c.start(r);
        r.awaitStatus(dev + ": no such device; waiting for it", 5_000);
        c.write("kept for the board".getBytes(), 0, 18); // returns at once: the device is not there
        try (Pty pty = Pty.open()) {
            Files.createSymbolicLink(dev, Path.of(pty.path));
            assertEquals("kept for the board", new String(pty.read(18)));
            assertEquals(dev + ": delivered 18 bytes kept while the device was away", r.awaitStatus(dev + ": delivered", 5_000));
        }
        c.close();
    }

    @Test
    void badInputIsOneClearLine() throws Exception {
        assertEquals("address 'serial:/dev/ttyUSB0?baud=fast': option baud must be a whole number from 1 to 12000000 (found 'fast')",
                assertThrows(IllegalArgumentException.class, () -> serial.validate(ChannelAddress.parse("serial:/dev/ttyUSB0?baud=fast"))).getMessage());
        assertEquals("address 'serial:/dev/ttyUSB0?parity=maybe': option parity must be one of even, mark, none, odd, space (found 'maybe')",
                assertThrows(IllegalArgumentException.class, () -> serial.validate(ChannelAddress.parse("serial:/dev/ttyUSB0?parity=maybe"))).getMessage());
        assertEquals("address 'serial:/dev/ttyUSB0?speed=9600': unknown option 'speed' (known: baud, buffer, data, flow, parity, stop)",
                assertThrows(IllegalArgumentException.class, () -> serial.validate(ChannelAddress.parse("serial:/dev/ttyUSB0?speed=9600"))).getMessage());
        SerialChannel c = (SerialChannel) serial.open(ChannelAddress.parse("serial:" + tmp.resolve("ttyNOPE")));
        Recorder r = new Recorder();
        c.start(r);
        Thread.sleep(1_000);
        assertEquals(List.of(tmp.resolve("ttyNOPE") + ": no such device; waiting for it"), r.status, "one line, not one per poll");
        c.close();
    }

    private static long cpuNanos() {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (long id : mx.getAllThreadIds()) {
            long t = mx.getThreadCpuTime(id);
            if (t > 0) {
                java.lang.management.ThreadInfo info = mx.getThreadInfo(id);
                if (info != null && info.getThreadName().startsWith("espdesk-serial")) {
                    sum += t;
                }
            }
        }
        return sum;
    }

    private void awaitStatus(String part) throws InterruptedException {
        long end = System.currentTimeMillis() + 5_000;
        while (status.stream().noneMatch(s -> s.contains(part)) && System.currentTimeMillis() < end) {
            Thread.sleep(10);
        }
        assertTrue(status.stream().anyMatch(s -> s.contains(part)), status.toString());
    }
}
