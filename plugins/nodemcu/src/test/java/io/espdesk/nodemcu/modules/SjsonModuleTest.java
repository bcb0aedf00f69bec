package io.espdesk.nodemcu.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.espdesk.nodemcu.Bench;
import java.util.List;
import org.junit.jupiter.api.Test;

/** sjson (and cjson on 1.5): tables to JSON and back; arrays, null, errors. */
class SjsonModuleTest {
    @Test
    void encodesArraysObjectsAndNull() {
        Bench b = Bench.legacy();
        b.board("b", "print(sjson.encode({1, 2.5, 'x', true}))\nprint(sjson.encode({a = sjson.NULL}))\n"
                + "print(sjson.encode({nested = {list = {}}}))\nprint(cjson.encode({'\"q\"'}))\nprint(pcall(sjson.encode, {f = print}))");
        b.run(10);
        assertEquals(List.of("[1,2.5,\"x\",true]", "{\"a\":null}", "{\"nested\":{\"list\":{}}}", "[\"\\\"q\\\"\"]",
                "false\tCannot encode type function"), b.lines("b"));
    }

    @Test
    void decodesIntoTables() {
        Bench b = Bench.legacy();
        b.board("b", "local t = sjson.decode('{\"temp\": 21.5, \"ok\": true, \"tags\": [\"a\", \"b\"], \"n\": null}')\n"
                + "print(t.temp, t.ok, #t.tags, t.tags[2], t.n == sjson.NULL)\nprint(pcall(sjson.decode, '{\"a\": }'))");
        b.run(10);
        List<String> l = b.lines("b");
        assertEquals("21.5\ttrue\t2\tb\ttrue", l.get(0));
        assertEquals("false\tJSON parse error: Expected value at line 1 column 7 path $.a", l.get(1));
    }
}
