package io.espdesk.nodemcu.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.espdesk.nodemcu.Bench;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** node: restart, deep sleep, boot reasons, identity, compile, interpreter input and output redirection. */
class NodeModuleTest {
    @Test
    void restartRebootsWithSoftwareRestartReason() {
        Bench b = Bench.legacy();
        b.board("b", "print(node.bootreason())\nif select(2, node.bootreason()) == 0 then tmr.alarm(0, 1000, 0, node.restart) end");
        b.run(3000);
        assertEquals(List.of("0:1\t0", "1250:2\t4"), b.timed("b"));
        assertEquals(2, b.sim.board("b").boots());
    }

    @Test
    void deepSleepWakesAsARebootAfterTheSleepTime() {
        Bench b = Bench.legacy();
        b.board("b", "print('awake', tmr.now(), select(2, node.bootreason()))\nnode.dsleep(10 * 1000000)");
        b.run(35_000);
        assertEquals(List.of("0:awake\t0\t0", "10000:awake\t0\t5", "20000:awake\t0\t5", "30000:awake\t0\t5"), b.timed("b"));
    }

    @Test
    void identityAndHeapAreStableNumbers() {
        Bench b = Bench.legacy();
        b.board("b", "print(node.chipid() == node.chipid(), type(node.heap()), node.heap() > 30000, node.flashid())\nprint(node.info())");
        b.run(10);
        List<String> l = b.lines("b");
        assertEquals("true\tnumber\ttrue\t1458400", l.get(0));
        assertTrue(l.get(1).startsWith("1\t5\t4\t"), l.get(1));
    }

    @Test
    void compileKeepsTheSourceUnderTheLcName() {
        Bench b = Bench.legacy();
        b.board("b", Map.of("init.lua", "node.compile('lib.lua')\nprint(file.list()['lib.lc'] ~= nil)\ndofile('lib.lc')\nprint(pcall(node.compile, 'nope.lua'))",
                "lib.lua", "print('lib loaded')"), 0);
        b.run(10);
        assertEquals(List.of("true", "lib loaded", "false\tcannot open nope.lua"), b.lines("b"));
    }

    @Test
    void outputRedirectionAndInput() {
        Bench b = Bench.legacy();
        b.board("b", "node.output(function(s) uart.write(0, '<' .. s .. '>') end, 0)\nprint('hidden')\nnode.output(nil)\nnode.input('print(6*7)')");
        b.run(10);
        assertEquals(List.of("<hidden", ">42"), b.lines("b"));
    }
}
