package io.espdesk.nodemcu.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.espdesk.nodemcu.Bench;
import java.util.List;
import org.junit.jupiter.api.Test;

/** bit: 32-bit integer operations. */
class BitModuleTest {
    @Test
    void operations() {
        Bench b = Bench.legacy();
        b.board("b", "print(bit.band(12, 10), bit.bor(12, 10), bit.bxor(12, 10), bit.bnot(0))\n"
                + "print(bit.lshift(1, 4), bit.rshift(-1, 28), bit.arshift(-16, 2), bit.bit(3))\n"
                + "print(bit.set(0, 1, 3), bit.clear(15, 0), bit.isset(8, 3), bit.isclear(8, 3))");
        b.run(10);
        assertEquals(List.of("8\t14\t6\t-1", "16\t15\t-4\t8", "10\t14\ttrue\tfalse"), b.lines("b"));
    }
}
