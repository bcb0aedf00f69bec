package io.espdesk.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.espdesk.api.ChannelAddress;
import io.espdesk.channelkit.Recorder;
import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code espdesk pty}: a real pseudo-terminal whose port a real serial channel opens; this "terminal" is pipes. */
class PtyCommandTest {
    @TempDir
    Path tmp;

    @Test
    void typingGoesIntoThePortAndWhatThePortGetsIsShown() throws Exception {
        Path name = tmp.resolve("ttyA");
        PipedOutputStream typing = new PipedOutputStream();
        PipedInputStream screen = new PipedInputStream(1 << 16);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PtyCommand cmd = new PtyCommand(new PipedInputStream(typing), new PrintStream(new java.io.PipedOutputStream(screen), true),
                new PrintStream(err, true));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> new CommandLine(cmd).execute("--link", name.toString()));
        long end = System.currentTimeMillis() + 5_000;
        while (!err.toString().contains("serial port ready") && System.currentTimeMillis() < end) {
            Thread.sleep(10);
        }
        assertTrue(err.toString().startsWith("serial port ready: serial:" + name + "  [" + name + " (-> /dev/"), err.toString());
        assertTrue(Files.isSymbolicLink(name));

        SerialProvider serial = new SerialProvider();
        SerialChannel port = (SerialChannel) serial.open(ChannelAddress.parse("serial:" + name));
        Recorder r = new Recorder();
        port.start(r);
        r.awaitStatus("opened " + name, 5_000);
        typing.write("typed\n".getBytes(StandardCharsets.UTF_8));
        typing.flush();
        r.awaitBytes(6, 5_000);
        assertEquals("typed\n", new String(r.bytes(), StandardCharsets.UTF_8));
        port.write("to the terminal".getBytes(StandardCharsets.UTF_8), 0, 15);
        assertEquals("to the terminal", new String(screen.readNBytes(15), StandardCharsets.UTF_8));

        port.close();
        serial.close();
        typing.close(); // end of input ends it
        assertEquals(0, exit.get(10, TimeUnit.SECONDS));
        assertFalse(Files.exists(name, java.nio.file.LinkOption.NOFOLLOW_LINKS), "its name goes with it");
    }
}
