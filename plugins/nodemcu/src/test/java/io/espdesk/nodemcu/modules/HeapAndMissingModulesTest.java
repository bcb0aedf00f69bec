package io.espdesk.nodemcu.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.espdesk.nodemcu.Bench;
import java.util.List;
import org.junit.jupiter.api.Test;

/** node.heap() moves with what a script keeps; a module the board lacks fails as the firmware's would, and says why. */
class HeapAndMissingModulesTest {
    @Test
    void theHeapShrinksAsTheScriptKeepsDataAndAgreesWithCollectgarbage() {
        // before: node.heap() was 40960 whatever the script did
        Bench b = Bench.legacy();
        b.board("b", String.join("\n",
                "local h0, c0 = node.heap(), collectgarbage('count')",
                "big = {} for i = 1, 500 do big[i] = ('x'):rep(20) .. i end",
                "local h1, c1 = node.heap(), collectgarbage('count')",
                "big = nil",
                "local h2 = node.heap()",
                "print(h0 > 30000, h1 < h0 - 10000, h0 - h1 == math.floor((c1 - c0) * 1024 + 0.5), h2 == h0, gcinfo() == math.floor(c0))"));
        b.run(10);
        assertEquals(List.of("true\ttrue\ttrue\ttrue\ttrue"), b.lines("b"));
    }

    @Test
    void anUnsimulatedModuleIsAbsentAndNamedOnce() {
        // before: "attempt to index ? (a nil value)" and nothing else
        Bench b = Bench.legacy();
        b.board("b", "print(pcall(function() return adc.read(0) end))\nprint(pcall(function() return adc.read(0) end))\nprint(mqtt)");
        b.run(10);
        assertEquals(List.of("false\tinit.lua:1: attempt to index global 'adc' (a nil value)",
                "false\tinit.lua:2: attempt to index global 'adc' (a nil value)", "nil"), b.lines("b"));
        assertEquals(2, b.warnings.size(), b.warnings.toString());
        assertTrue(b.warnings.get(0).endsWith("[b] init.lua:1: module 'adc' is not simulated by espdesk"), b.warnings.toString());
        assertTrue(b.warnings.get(1).endsWith("[b] init.lua:3: module 'mqtt' is not simulated by espdesk"), b.warnings.toString());
    }
}
