package io.espdesk.host.conf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.espdesk.api.json.JsonConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad configuration is one line naming file, line and column; good configuration is read whole. */
class ConfigLoaderTest {
    @TempDir
    Path home;

    private HostConfig load() {
        return new ConfigLoader(home).load(home.resolve("conf"));
    }

    private void write(String file, String text) throws IOException {
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf").resolve(file), text);
    }

    private String error(String file, String text) throws IOException {
        Files.deleteIfExists(home.resolve("conf/espdesk.json"));
        Files.deleteIfExists(home.resolve("conf/links.json"));
        write(file, text);
        return assertThrows(JsonConfigException.class, this::load).getMessage();
    }

    @Test
    void noConfFolderMeansDefaults() {
        HostConfig c = load();
        assertEquals(home.resolve("bundles"), c.bundles());
        assertEquals("info", c.logLevel());
        assertEquals(0, c.links().size());
    }

    @Test
    void goodFilesAreRead() throws IOException {
        write("espdesk.json", "{\"bundles\": \"plugins-here\", \"settleMillis\": 25, \"logLevel\": \"debug\"}");
        write("links.json", "{\"links\": [\n  {\"name\": \"bridge\", \"a\": \"tcp-listen://127.0.0.1:7000\", \"b\": \"stdio:\"},\n"
                + "  {\"a\": \"ws://127.0.0.1:81/\", \"b\": \"tcp://127.0.0.1:9?x=1\"}\n]}");
        HostConfig c = load();
        assertEquals(home.resolve("plugins-here"), c.bundles());
        assertEquals(25, c.settleMillis());
        assertEquals("debug", c.logLevel());
        assertEquals("bridge", c.links().get(0).name());
        assertEquals("tcp-listen", c.links().get(0).a().scheme());
        assertEquals(7000, c.links().get(0).a().port());
        assertEquals("link2", c.links().get(1).name());
        assertEquals("1", c.links().get(1).b().option("x", null));
    }

    @Test
    void malformedJson() throws IOException {
        assertEquals("conf/links.json:3:1: malformed JSON: the file ends before an object or array is closed",
                error("links.json", "{\"links\": [\n  {\"a\": \"stdio:\", \"b\": \"stdio:\"}\n"));
    }

    @Test
    void trailingComma() throws IOException {
        String m = error("espdesk.json", "{\n  \"logLevel\": \"info\",\n}");
        assertEquals("conf/espdesk.json:3:2: malformed JSON: Expected name", m);
    }

    @Test
    void emptyFile() throws IOException {
        assertEquals("conf/espdesk.json:1:1: malformed JSON: the file is empty", error("espdesk.json", ""));
    }

    @Test
    void wrongType() throws IOException {
        assertEquals("conf/espdesk.json:2:19: expected a whole number but found the number 2.5",
                error("espdesk.json", "{\n  \"settleMillis\": 2.5\n}"));
        assertEquals("conf/espdesk.json:1:13: expected a string but found the number 7",
                error("espdesk.json", "{\"bundles\": 7}"));
        assertEquals("conf/links.json:1:11: expected an array but found the string \"tcp://x:1\"",
                error("links.json", "{\"links\": \"tcp://x:1\"}"));
    }

    @Test
    void unknownKeyPointsAtTheKey() throws IOException {
        assertEquals("conf/espdesk.json:3:3: unknown key \"bundle\" (expected one of: bundles, logLevel, settleMillis)",
                error("espdesk.json", "{\n  \"logLevel\": \"info\",\n  \"bundle\": \"x\"\n}"));
        assertEquals("conf/links.json:2:34: unknown key \"c\" (expected one of: a, b, name)",
                error("links.json", "{\"links\": [\n  {\"a\": \"stdio:\", \"b\": \"stdio:\", \"c\": 1}]}"));
    }

    @Test
    void badValue() throws IOException {
        assertEquals("conf/espdesk.json:1:14: expected one of quiet, info, debug but found \"loud\"",
                error("espdesk.json", "{\"logLevel\": \"loud\"}"));
        assertEquals("conf/espdesk.json:1:18: expected a number from 0 to 60000 but found -1",
                error("espdesk.json", "{\"settleMillis\": -1}"));
    }

    @Test
    void badAddress() throws IOException {
        assertEquals("conf/links.json:2:10: address '127.0.0.1:7000' has an invalid scheme '127.0.0.1'",
                error("links.json", "{\"links\": [{\"a\": \"stdio:\",\n  \"b\":   \"127.0.0.1:7000\"}]}"));
        assertEquals("conf/links.json:1:18: address 'noscheme' has no scheme (expected e.g. tcp://127.0.0.1:7000 or stdio:)",
                error("links.json", "{\"links\": [{\"a\": \"noscheme\", \"b\": \"stdio:\"}]}"));
    }

    @Test
    void missingAndDuplicateKeys() throws IOException {
        assertEquals("conf/links.json:1:12: missing key \"b\"", error("links.json", "{\"links\": [{\"a\": \"stdio:\"}]}"));
        assertEquals("conf/espdesk.json:1:22: duplicate key \"logLevel\"",
                error("espdesk.json", "{\"logLevel\": \"info\", \"logLevel\": \"debug\"}"));
        assertEquals("conf/links.json:1:66: duplicate link name \"x\"", error("links.json",
                "{\"links\": [{\"name\": \"x\", \"a\": \"stdio:\", \"b\": \"stdio:\"}, {\"name\": \"x\", \"a\": \"stdio:\", \"b\": \"stdio:\"}]}"));
    }

    @Test
    void wrongTopLevel() throws IOException {
        assertEquals("conf/links.json:1:1: expected the links document (a JSON object) but found an array",
                error("links.json", "[]"));
    }
}
