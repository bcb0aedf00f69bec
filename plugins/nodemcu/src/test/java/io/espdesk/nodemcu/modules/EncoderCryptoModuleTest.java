package io.espdesk.nodemcu.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.espdesk.nodemcu.Bench;
import java.util.List;
import org.junit.jupiter.api.Test;

/** encoder and crypto, as scripts and tools use them; digests checked against sha1sum, md5sum, sha256sum, openssl. */
class EncoderCryptoModuleTest {
    private static List<String> run(Bench b, String lua) {
        b.board("b", lua);
        b.run(10);
        return b.lines("b");
    }

    @Test
    void encoderRoundTripsBytesAndRefusesBadInput() {
        assertEquals(List.of("aGVsbG8=\t00ff6162\thello\tabc", "false\tinit.lua:2: Invalid hex string", "false\tInvalid base64 string"),
                run(Bench.legacy(), "print(encoder.toBase64('hello'), encoder.toHex('\\0\\255ab'), encoder.fromBase64('aGVsbG8='), encoder.fromHex('616263'))\n"
                        + "print(pcall(function() local v = encoder.fromHex('zz') return v end))\nprint(pcall(encoder.fromBase64, 'abc'))"));
    }

    @Test
    void cryptoHashesAsTheStandardToolsDo() {
        List<String> l = run(Bench.modern(), String.join("\n",
                "print(encoder.toHex(crypto.hash('sha1', 'abc')), encoder.toHex(crypto.hash('md5', '')))",
                "print(encoder.toHex(crypto.hmac('sha256', 'msg', 'key')))",
                "local h = crypto.new_hash('SHA256') h:update('ab') h:update('c') print(encoder.toHex(h:finalize()))",
                "file.putcontents('f.txt', 'data') print(encoder.toHex(crypto.fhash('md5', 'f.txt')))",
                "print(pcall(crypto.hash, 'foo', 'x'))",
                "print(encoder.toHex(crypto.mask('abc', '\\1')), crypto.toHex)"));
        assertEquals(List.of("a9993e364706816aba3e25717850c26c9cd0d89d\td41d8cd98f00b204e9800998ecf8427e",
                "2d93cbc1be167bcb1637a4a23cbff01a7878f0c50ee833954ea5221bb1b8c628",
                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                "8d777f385d3dfec8815d20f7496026dc",
                "false\tunknown hash mech",
                "606362\tnil"), l, "3.0 moved toHex to encoder");
        assertEquals(List.of("4142"), run(Bench.legacy(), "print(crypto.toHex('AB'))"), "1.5's crypto has toHex");
    }

    @Test
    void nodeInfoInBothForms() {
        assertEquals(List.of("1\t5\t4\ttrue\t1458400\t4096\t0\t40000000"),
                run(Bench.legacy(), "local a, b, c, id, f, s, m, sp = node.info() print(a, b, c, id == node.chipid(), f, s, m, sp)"));
        List<String> l = run(Bench.modern(), String.join("\n",
                "local hw, sw, bc = node.info('hw'), node.info('sw_version'), node.info('build_config')",
                "print(hw.chip_id == node.chipid(), hw.flash_size, sw.node_version_major, sw.node_version_minor, bc.number_type)",
                "print(bc.modules:find('encoder') ~= nil, bc.modules:find('wifi') ~= nil, bc.ssl)",
                "print(pcall(node.info, 'nope'))",
                "print(select('#', node.info()))"));
        assertEquals(List.of("true\t4096\t3\t0\tfloat", "true\ttrue\tfalse", "false\tbad argument #1 to 'info' (invalid option 'nope')",
                "Warning, deprecated API! node.info() without parameter. It will be removed in the next version. See documentation for details.",
                "8"), l);
    }
}
