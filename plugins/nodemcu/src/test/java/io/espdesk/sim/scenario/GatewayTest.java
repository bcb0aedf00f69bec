package io.espdesk.sim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.espdesk.nodemcu.Profile;
import io.espdesk.sim.Simulation;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Gateways join the simulation to real sockets on loopback, in both directions, at wall speed. */
class GatewayTest {
    @Test
    void aSimulatedClientBoardTalksToARealServer() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Simulation sim = Simulation.create(1, Profile.V1_5);
            sim.gatewayTo("192.168.50.10", 3000, "127.0.0.1", server.getLocalPort());
            sim.addBoard("dev", Map.of("init.lua", "wifi.setmode(wifi.SOFTAP)\nn = 0\n"
                    + "c = net.createConnection(net.TCP, 0)\nc:on('receive', function(s, d) print('got', d) end)\n"
                    + "c:on('connection', function(s) tmr.alarm(0, 200, 1, function() n = n + 1 if n <= 3 then s:send('counter ' .. n .. '\\n') end end) end)\n"
                    + "c:connect(3000, '192.168.50.10')"), Duration.ZERO);
            server.setSoTimeout(20_000); // a test never waits for ever on a peer that does not come
            CompletableFuture<String> realSide = CompletableFuture.supplyAsync(() -> {
                try (Socket s = server.accept()) {
                    BufferedReader r = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
                    String all = r.readLine() + "|" + r.readLine() + "|" + r.readLine();
                    s.getOutputStream().write("ack\n".getBytes(StandardCharsets.US_ASCII));
                    s.getOutputStream().flush();
                    Thread.sleep(300);
                    return all;
                } catch (Exception e) {
                    return "failed: " + e;
                }
            });
            long t0 = System.nanoTime();
            sim.runFor(Duration.ofMillis(1500));
            long wallMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            sim.close();
            sim.flush();
            assertEquals("counter 1|counter 2|counter 3", realSide.get(5, TimeUnit.SECONDS));
            assertTrue(sim.board("dev").console().contains("got\tack\r\n"), sim.board("dev").lines().toString());
            assertTrue(wallMs >= 1400, "with a gateway the clock runs at wall speed: 1.5 s took " + wallMs + " ms");
        }
    }

    @Test
    void aRealClientReachesAServerScriptOnASimulatedBoard() throws Exception {
        Simulation sim = Simulation.create(1, Profile.V1_5);
        sim.addBoard("srv", Map.of("init.lua", "wifi.setmode(wifi.SOFTAP)\n"
                + "sv = net.createServer(net.TCP)\nsv:listen(80, function(c)\n  print('client', c:getpeer())\n"
                + "  c:on('receive', function(c, d) c:send('echo:' .. d) end)\nend)"), Duration.ZERO);
        int port = sim.gatewayFrom("127.0.0.1", 0, "srv", 80);
        CompletableFuture<Void> running = CompletableFuture.runAsync(() -> sim.runFor(Duration.ofMillis(2000)));
        Thread.sleep(300);
        String reply;
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(5_000);
            OutputStream out = s.getOutputStream();
            out.write("hi from a real socket".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] buf = new byte[64];
            int n = s.getInputStream().read(buf);
            reply = new String(buf, 0, n, StandardCharsets.US_ASCII);
        }
        running.get(10, TimeUnit.SECONDS);
        sim.close();
        sim.flush();
        assertEquals("echo:hi from a real socket", reply);
        assertTrue(sim.board("srv").lines().stream().anyMatch(l -> l.startsWith("client\t127.0.0.1\t")), sim.board("srv").lines().toString());
    }

    @Test
    void aScenarioFileDeclaresGatewaysAndBadOnesAreNamed() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("gw");
        java.nio.file.Files.createDirectories(dir.resolve("b"));
        java.nio.file.Files.writeString(dir.resolve("b/init.lua"), "print(1)");
        java.nio.file.Files.writeString(dir.resolve("sim.json"), "{\"gateways\": [{\"sim\": \"192.168.1.50\", \"to\": \"tcp://127.0.0.1:1\"}]}");
        String m = org.junit.jupiter.api.Assertions.assertThrows(io.espdesk.api.json.JsonConfigException.class,
                () -> io.espdesk.sim.scenario.Scenario.load(dir)).getMessage();
        assertEquals(dir + "/sim.json:1:23: expected a simulated IPv4 address and port such as \"192.168.1.50:3000\"", m);
        java.nio.file.Files.writeString(dir.resolve("sim.json"), "{\"gateways\": [{\"from\": \"udp://127.0.0.1:1\", \"board\": \"b\", \"port\": 80}]}");
        m = org.junit.jupiter.api.Assertions.assertThrows(io.espdesk.api.json.JsonConfigException.class,
                () -> io.espdesk.sim.scenario.Scenario.load(dir)).getMessage();
        assertEquals(dir + "/sim.json:1:24: expected a tcp-listen:// address but found \"udp://127.0.0.1:1\"", m);
    }
}
