package io.espdesk.nodemcu.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.espdesk.nodemcu.Bench;
import java.util.List;
import org.junit.jupiter.api.Test;

/** net: TCP and UDP between simulated boards, with the firmware's events, rules and limits. */
class NetModuleTest {
    private static final String ECHO_SERVER = Bench.apScript(
            "sv = net.createServer(net.TCP)\nsv:listen(80, function(c)\n  print('accepted', c:getpeer())\n"
            + "  c:on('receive', function(c, d) print('got', #d) c:send('echo:' .. d:sub(1, 10)) end)\n"
            + "  c:on('disconnection', function(c) print('peer gone') end)\nend)");

    @Test
    void connectSendReceiveAndEcho() {
        Bench b = Bench.legacy();
        b.board("ap", ECHO_SERVER);
        b.board("sta", Bench.staScript("cl = net.createConnection(net.TCP, 0)\n"
                + "cl:on('connection', function(c) print('connected', c:getpeer()) c:send('hello') end)\n"
                + "cl:on('receive', function(c, d) print('reply', d) c:close() end)\n"
                + "cl:on('disconnection', function(c) print('closed') end)\ncl:connect(80, '192.168.4.1')"));
        b.run(6000);
        assertEquals(List.of("connected\t192.168.4.1\t80", "reply\techo:hello", "closed"), b.lines("sta"));
        List<String> ap = b.lines("ap");
        assertTrue(ap.get(0).matches("accepted\t192\\.168\\.4\\.2\t\\d+"), ap.toString());
        assertEquals(List.of("got\t5", "peer gone"), ap.subList(1, 3));
    }

    @Test
    void largeSendsArriveIn1460ByteSegmentsAndOneSentEvent() {
        Bench b = Bench.legacy();
        b.board("ap", ECHO_SERVER);
        b.board("sta", Bench.staScript("cl = net.createConnection(net.TCP, 0)\n"
                + "cl:on('connection', function(c) c:send(string.rep('x', 4000)) end)\n"
                + "cl:on('sent', function(c) print('sent') end)\ncl:connect(80, '192.168.4.1')"));
        b.run(6000);
        List<String> ap = b.lines("ap");
        assertEquals(List.of("got\t1460", "got\t1460", "got\t1080"), ap.subList(1, 4));
        assertEquals(List.of("sent"), b.lines("sta"), "one sent event for the whole 4000-byte send");
    }

    @Test
    void aSecondSendWhileTheFirstIsInFlightIsDroppedAndSaidSo() {
        Bench b = Bench.legacy();
        b.board("ap", ECHO_SERVER);
        b.board("sta", Bench.staScript("cl = net.createConnection(net.TCP, 0)\n"
                + "cl:on('connection', function(c) c:send('first') c:send('second') end)\ncl:connect(80, '192.168.4.1')"));
        b.run(6000);
        assertEquals(List.of("got\t5"), b.lines("ap").subList(1, b.lines("ap").size()));
        assertEquals(1, b.warnings.size(), b.warnings.toString());
        assertTrue(b.warnings.get(0).contains("[sta] net: send while the previous send is still in flight: 6 bytes dropped"), b.warnings.get(0));
    }

    @Test
    void sendingTheNextPieceFromTheSentCallbackDeliversEverything() {
        Bench b = Bench.legacy();
        b.board("ap", Bench.apScript("n = 0 sv = net.createServer(net.TCP)\nsv:listen(80, function(c) c:on('receive', function(c, d) n = n + #d end) end)\n"
                + "tmr.alarm(0, 9000, 0, function() print('total', n) end)"));
        b.board("sta", Bench.staScript("local parts = {'aaa', 'bbbb', 'ccccc'}\ncl = net.createConnection(net.TCP, 0)\n"
                + "local function nxt(c) local p = table.remove(parts, 1) if p then c:send(p) end end\n"
                + "cl:on('connection', nxt) cl:on('sent', nxt)\ncl:connect(80, '192.168.4.1')"));
        b.run(9500);
        assertEquals(List.of("total\t12"), b.lines("ap"));
        assertTrue(b.warnings.isEmpty(), b.warnings.toString());
    }

    @Test
    void onlyOneTcpServerOnTheLegacyFirmware() {
        Bench legacy = Bench.legacy();
        legacy.board("b", "sv = net.createServer(net.TCP)\nsv:listen(80, function(c) end)\nsv2 = net.createServer(net.TCP)\nprint('not reached')");
        legacy.run(10);
        assertEquals(List.of("init.lua:3: only one tcp server allowed"), legacy.lines("b"));
        Bench modern = Bench.modern();
        modern.board("b", "a = net.createServer(net.TCP)\na:listen(80, function(c) end)\nb = net.createServer(net.TCP)\nb:listen(81, function(c) end)\n"
                + "print('two servers', b:getaddr())\nprint(pcall(net.createServer(net.TCP).listen, net.createServer(net.TCP), 80, print))");
        modern.run(10);
        assertEquals(List.of("two servers\t81\t0.0.0.0", "false\taddress in use"), modern.lines("b"));
    }

    @Test
    void aPeerThatLostPowerAnswersTheNextSendWithAReset() {
        Bench b = Bench.legacy();
        var ap = b.board("ap", ECHO_SERVER);
        b.board("sta", Bench.staScript("cl = net.createConnection(net.TCP, 0)\n"
                + "cl:on('connection', function(c) print('connected') end)\n"
                + "cl:on('disconnection', function(c) print('disconnected', tmr.time()) end)\ncl:connect(80, '192.168.4.1')\n"
                + "tmr.alarm(1, 10000, 0, function() cl:send('anyone?') end)"));
        b.run(6000);
        ap.powerCycle(100);
        b.run(6000);
        List<String> sta = b.lines("sta");
        assertEquals("connected", sta.get(0));
        assertTrue(sta.get(1).startsWith("disconnected"), sta.toString());
    }

    @Test
    void serverConnectionsCloseAfterTheIdleTimeout() {
        Bench b = Bench.legacy();
        b.board("ap", Bench.apScript("sv = net.createServer(net.TCP, 2)\nsv:listen(80, function(c) c:on('disconnection', function() print('idle close', tmr.time()) end) end)"));
        b.board("sta", Bench.staScript("cl = net.createConnection(net.TCP, 0)\ncl:on('disconnection', function() print('closed by server') end)\n"
                + "cl:connect(80, '192.168.4.1')"));
        b.run(10_000);
        assertEquals(1, b.lines("ap").size());
        assertTrue(b.lines("ap").get(0).startsWith("idle close"));
        assertEquals(List.of("closed by server"), b.lines("sta"));
    }

    @Test
    void noMoreThanFiveConnectionsPerBoard() {
        Bench b = Bench.legacy();
        b.board("ap", Bench.apScript("sv = net.createServer(net.TCP)\nsv:listen(80, function(c) end)"));
        b.board("sta", Bench.staScript("for i = 1, 6 do local c = net.createConnection(net.TCP, 0)\n"
                + "c:on('connection', function() print('up', i) end) c:on('disconnection', function() print('refused', i) end)\n"
                + "c:connect(80, '192.168.4.1') end"));
        b.run(6000);
        List<String> l = b.lines("sta");
        assertEquals(5, l.stream().filter(s -> s.startsWith("up")).count(), l.toString());
        assertTrue(l.contains("refused\t6"), l.toString());
    }

    @Test
    void udpDatagramsBetweenBoards() {
        Bench b = Bench.modern();
        b.board("ap", Bench.apScript("u = net.createUDPSocket()\nu:listen(5000)\nu:on('receive', function(s, d, port, ip) print(d, ip) end)"));
        b.board("sta", Bench.staScript("local u = net.createUDPSocket()\nu:send(5000, '192.168.4.1', 'ping')"));
        b.run(6000);
        assertEquals(List.of(), b.lines("sta"));
        assertEquals(List.of("ping\t192.168.4.2"), b.lines("ap"));
    }
}
