package io.espdesk.sim.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.espdesk.api.Channel;
import io.espdesk.api.ChannelAddress;
import io.espdesk.api.ChannelListener;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code board://NAME/uart0}: a simulated board's UART as a channel, at wall speed, both ways. */
class BoardChannelTest {
    @TempDir
    Path home;

    private BoardProvider provider;

    @AfterEach
    void close() {
        if (provider != null) {
            provider.close();
        }
    }

    /** Keeps what a channel delivers. */
    static final class Screen implements ChannelListener {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final List<String> status = new CopyOnWriteArrayList<>();

        @Override
        public synchronized boolean onData(byte[] d, int off, int len) {
            bytes.write(d, off, len);
            return true;
        }

        @Override
        public void onClosed(String reason) {
        }

        @Override
        public void onStatus(String message) {
            status.add(message);
        }

        synchronized String text() {
            return bytes.toString(StandardCharsets.ISO_8859_1);
        }

        void await(String part) throws InterruptedException {
            long end = System.currentTimeMillis() + 10_000;
            while (!text().contains(part) && System.currentTimeMillis() < end) {
                Thread.sleep(10);
            }
            assertTrue(text().contains(part), "no '" + part + "' in: " + text());
        }
    }

    @Test
    void whatTheBoardWritesIsDeliveredAndWhatIsWrittenIsTypedIntoItsUart() throws Exception {
        Path echo = Files.createDirectories(home.resolve("bridged/echo"));
        Files.writeString(echo.resolve("init.lua"), String.join("\n",
                "print('ready')",
                "uart.on('data', 0, function(d) uart.write(0, string.upper(d)) end, 0)"));
        provider = new BoardProvider(home);
        Channel c = provider.open(ChannelAddress.parse("board://echo/uart0?sim=bridged"));
        Screen s = new Screen();
        c.start(s);
        s.await("ready");
        byte[] typed = "abc\u00ff".getBytes(StandardCharsets.ISO_8859_1);
        c.write(typed, 0, typed.length);
        s.await("ABC");
        assertTrue(s.text().endsWith("ABC\u00ff"), s.text());
        assertEquals("board echo of " + home.resolve("bridged") + " running at wall speed; its UART0 is this channel", s.status.get(0));
        c.close();
    }

    @Test
    void aLiveBoardRunsWithoutTheScenariosStepsUnlessAskedTo() throws Exception {
        Path board = Files.createDirectories(home.resolve("typed/b"));
        Files.writeString(board.resolve("init.lua"), String.join("\n",
                "uart.on('data', '\\n', function(d) print('got ' .. d) end, 0)",
                "tmr.alarm(0, 700, 0, function() print('later') end)"));
        Files.writeString(home.resolve("typed/sim.json"), "{\"steps\": [{\"at\": \"300ms\", \"type\": \"b\", \"text\": \"from the test\\n\"}]}");
        provider = new BoardProvider(home);
        Channel plain = provider.open(ChannelAddress.parse("board://b/uart0?sim=typed"));
        Screen s = new Screen();
        plain.start(s);
        s.await("later"); // 700 ms of wall time: the step at 300 ms would have typed by now
        assertTrue(!s.text().contains("got from the test"), s.text());
        plain.close();
        Channel withSteps = provider.open(ChannelAddress.parse("board://b/uart0?sim=typed&steps=on"));
        Screen t = new Screen();
        withSteps.start(t);
        t.await("got from the test");
        withSteps.close();
        assertEquals("address 'board://b/uart0?sim=typed&steps=yes': option steps must be on or off (found 'yes')",
                assertThrows(IllegalArgumentException.class, () -> provider.validate(ChannelAddress.parse("board://b/uart0?sim=typed&steps=yes")))
                        .getMessage());
    }

    @Test
    void aOneBoardFolderIsABoardNamedAfterIt() throws Exception {
        Path solo = Files.createDirectories(home.resolve("solo"));
        Files.writeString(solo.resolve("init.lua"), "print('alone')");
        provider = new BoardProvider(home);
        Channel c = provider.open(ChannelAddress.parse("board://solo/uart0?sim=solo"));
        Screen s = new Screen();
        c.start(s);
        s.await("alone");
        c.close();
    }

    @Test
    void theHelpNamesEveryOption() {
        provider = new BoardProvider(home);
        assertEquals(BoardProvider.KNOWN, provider.help("board").optionNames());
    }

    @Test
    void badAddressesAreOneClearLine() throws Exception {
        Files.createDirectories(home.resolve("s/a"));
        provider = new BoardProvider(home);
        assertEquals("address 'board://a/uart1?sim=s': a board has one UART here: board://a/uart0",
                assertThrows(IllegalArgumentException.class, () -> provider.validate(ChannelAddress.parse("board://a/uart1?sim=s"))).getMessage());
        assertEquals("address 'board://b/uart0?sim=s': " + home.resolve("s") + " has no board 'b' (a folder of that name)",
                assertThrows(IllegalArgumentException.class, () -> provider.validate(ChannelAddress.parse("board://b/uart0?sim=s"))).getMessage());
        assertEquals("address 'board://a/uart0' names no scenario folder (expected ?sim=lua-scripts/NAME)",
                assertThrows(IllegalArgumentException.class, () -> provider.validate(ChannelAddress.parse("board://a/uart0"))).getMessage());
        assertEquals("address 'board://a/uart0?sim=s&baud=9600': unknown option 'baud' (known: sim, steps)",
                assertThrows(IllegalArgumentException.class, () -> provider.validate(ChannelAddress.parse("board://a/uart0?sim=s&baud=9600")))
                        .getMessage());
    }
}
