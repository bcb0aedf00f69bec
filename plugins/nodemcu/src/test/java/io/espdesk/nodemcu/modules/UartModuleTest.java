package io.espdesk.nodemcu.modules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
        byte[] tail = all.substring(all.length() - 6).getBytes(StandardCharsets.ISO_8859_1);
        assertArrayEquals(new byte[] {'a', 'b', 0, (byte) 255, '\r', '\n'}, tail);
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
        assertEquals(List.of("print(x + 1)", "21", "> =x", "20", "> error('oops')", "stdin:1: oops", "> "), b.lines("b"));
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
        assertEquals(List.of("cb\ta", "print(1)", "1", "> "), b.lines("b"));
    }
}
