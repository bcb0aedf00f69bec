package io.espdesk.nodemcu.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.espdesk.nodemcu.Bench;
import java.util.List;
import org.junit.jupiter.api.Test;

/** pipe (3.0), and node.output handing its function the stdout pipe: what the firmware's own telnet module relies on. */
class PipeModuleTest {
    @Test
    void recordsByDelimiterOrLengthUnreadAndReader() {
        Bench b = Bench.modern();
        b.board("b", String.join("\n",
                "local p = pipe.create()",
                "p:write('ab\\ncd', '\\nef')",
                "print(p:nrec(), p:read() == 'ab\\n', p:read('\\n'), p:read(1), p:read(10), p:read())",
                "p:write('x-y-z') p:unread('w-')",
                "local got = {} for r in p:reader('-') do got[#got + 1] = r end print(table.concat(got, ','))"));
        b.run(10);
        assertEquals(List.of("1\ttrue\tcd\te\tf\tnil", "w,x,y,z"), b.lines("b"));
    }

    @Test
    void aReaderCallbackRunsAsATaskAfterWrites() {
        Bench b = Bench.modern();
        b.board("b", String.join("\n",
                "local p = pipe.create(function(p) print('cb', p:read(3)) end)",
                "p:write('abcdef') print('written')"));
        b.run(10);
        // the callback returns nil and nothing is written meanwhile: it runs once, after the writing task, not in it
        assertEquals(List.of("written", "cb\tabc"), b.lines("b"));
    }

    @Test
    void nodeOutputOn30GivesAPipeAndAReplRunsOverTcp() {
        // the shape of the firmware's telnet module, in our own words: output goes into a pipe, drained to a socket
        // (before: the 3.0 callback got a string and pipe-reading code failed with "attempt to call nil")
        Bench b = Bench.modern();
        b.board("srv", Bench.apScript(String.join("\n",
                "net.createServer(net.TCP, 30):listen(23, function(sock)",
                "  local out",
                "  local function drain(s) local r = out and out:read(1400) if r and #r > 0 then s:send(r) end end",
                "  node.output(function(p) out = p drain(sock) return false end, 0)",
                "  sock:on('receive', function(_, line) node.input(line) end)",
                "  sock:on('sent', drain)",
                "  sock:on('disconnection', function() node.output() end)",
                "end)")));
        b.board("cli", java.util.Map.of("init.lua", Bench.staScript(String.join("\n",
                "local c = net.createConnection(net.TCP, 0)",
                "c:on('receive', function(_, d) print('remote:', d) end)",
                "c:on('connection', function(s) s:send('print(6*7)\\n') end)",
                "c:connect(23, '192.168.4.1')"))), 1000);
        b.run(20_000);
        List<String> cli = b.lines("cli");
        assertTrue(cli.contains("remote:\t42"), "the REPL's answer came back over TCP: " + cli);
        assertTrue(cli.contains("> "), "and the prompt after it, written where output goes: " + cli);
        assertTrue(b.lines("srv").stream().noneMatch(l -> l.contains("42")), "node.output(fn, 0): nothing on the serial: " + b.lines("srv"));
    }
}
