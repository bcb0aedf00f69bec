package io.espdesk.nodemcu.modules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.espdesk.nodemcu.Bench;
import io.espdesk.sim.BoardHandle;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** uart: exact bytes out, the three forms of on("data"), and the interpreter for input nobody takes. */
class UartModuleTest {
    @Test
    void writeEmitsExactlyTheBytes() {
        Bench b = Bench.legacy();
        BoardHandle h = b.board("b", "uart.setup(0, 9600, 8, uart.PARITY_NONE, uart.STOPBITS_1, 0)\nuart.write(0, 'ab', 0, 255, '\\r\\n')");
        b.run(10);
        String all = h.console();
        byte[] tail = all.substring(all.length() - 8).getBytes(StandardCharsets.ISO_8859_1);
        // uart.write's bytes untouched, then the interpreter's first prompt after init.lua
        assertArrayEquals(new byte[] {'a', 'b', 0, (byte) 255, '\r', '\n', '>', ' '}, tail);
    }

    @Test
    void everyByteForm() {
        Bench b = Bench.legacy();
        BoardHandle h = b.board("b", "uart.on('data', 0, function(d) print('got', d) end, 0)");
        b.run(10);
        h.type("xy");
        b.run(10);
        assertEquals(List.of("got\tx", "got\ty"), b.lines("b"));
    }

    @Test
    void countForm() {
        Bench b = Bench.legacy();
        BoardHandle h = b.board("b", "uart.on('data', 3, function(d) print('got', d) end, 0)");
        b.run(10);
        h.type("abcdefg");
        b.run(10);
        assertEquals(List.of("got\tabc", "got\tdef"), b.lines("b"));
    }

    @Test
    void endCharacterForm() {
        Bench b = Bench.legacy();
        BoardHandle h = b.board("b", "uart.on('data', '\\r', function(d) print('line', #d) end, 0)");
        b.run(10);
        h.type("hello\rworld\r");
        b.run(10);
        assertEquals(List.of("line\t6", "line\t6"), b.lines("b"));
    }

    @Test
    void untakenInputGoesToTheInterpreterWithEchoAndPrompt() {
        Bench b = Bench.legacy();
        BoardHandle h = b.board("b", "x = 20");
        b.run(10);
        h.type("print(x + 1)\n");
        b.run(10);
        h.type("=x\n");
        b.run(10);
        h.type("error('oops')\n");
        b.run(10);
        assertEquals(List.of("print(x + 1)", "21", "=x", "20", "error('oops')", "stdin:1: oops"), b.lines("b"),
                "prompts are on the wire, not in the printed lines");
        // the wire, as a serial tool reads it: echo, CR LF, output, CR LF, prompt
        assertTrue(h.console().endsWith("> print(x + 1)\r\n21\r\n> =x\r\n20\r\n> error('oops')\r\nstdin:1: oops\r\n> "), h.console());
    }

    @Test
    void anOpenStatementAsksForMoreWithTheContinuationPrompt() {
        // LuaJ's board said "stdin:1: 'end' expected" to the first line; the firmware prompts ">> " and waits
        Bench b = Bench.legacy();
        BoardHandle h = b.board("b", "");
        b.run(10);
        h.type("for i = 1, 2 do\r\nprint(i)\r\nend\r\n");
        b.run(10);
        assertEquals(List.of("for i = 1, 2 do", "print(i)", "end", "1", "2"), b.lines("b"));
        assertTrue(h.console().endsWith("> for i = 1, 2 do\r\n>> print(i)\r\n>> end\r\n1\r\n2\r\n> "), h.console());
        h.type("print('a\r\n"); // an unfinished string is open too
        b.run(10);
        assertTrue(h.console().endsWith(">> "), h.console());
        h.type("x = = 1\n"); // a hard syntax error ends it
        b.run(10);
        assertTrue(h.console().endsWith("\r\n> "), h.console());
    }

    @Test
    void lineEndingsAndBackspaceAsTheFirmwareReadsThem() {
        Bench b = Bench.legacy();
        BoardHandle h = b.board("b", "");
        b.run(10);
        h.type("print(12\b3)\n\rprint(4)\r\r=5\n");
        b.run(10);
        // LF CR is one line end, CR CR two (the second an empty line: a fresh prompt)
        assertEquals(List.of("print(13)", "13", "print(4)", "4", "", "=5", "5"), b.lines("b").stream().map(l -> l.replace("2\b \b", "")).toList());
        assertTrue(h.console().contains("print(12\b \b3)\r\n13\r\n> print(4)\r\n4\r\n> \r\n> =5"), h.console());
    }

    @Test
    void unregisteringGivesInputBackToTheInterpreter() {
        Bench b = Bench.legacy();
        BoardHandle h = b.board("b", "uart.on('data', 0, function(d) print('cb', d) uart.on('data') end, 0)");
        b.run(10);
        h.type("a");
        b.run(10);
        h.type("print(1)\n");
        b.run(10);
        assertEquals(List.of("cb\ta", "print(1)", "1"), b.lines("b"));
        assertTrue(h.console().endsWith("print(1)\r\n1\r\n> "), h.console());
    }
}
