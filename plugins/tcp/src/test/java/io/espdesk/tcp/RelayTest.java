package io.espdesk.tcp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.espdesk.api.ChannelAddress;
import io.espdesk.host.conf.LinkSpec;
import io.espdesk.host.link.Link;
import io.espdesk.host.link.SchemeRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The host's link engine joining tcp-listen:// and tcp:// (the serial bridge's two halves on one machine):
 * 16 MiB of random bytes each way, at once, arrive identical.
 */
class RelayTest {
    static final int SIZE = 16 << 20;

    @Test
    void sixteenMebibytesEachWayByteExact() throws Exception {
        SchemeRegistry registry = new SchemeRegistry();
        TcpProvider provider = new TcpProvider();
        registry.add(provider, "test");
        try (ServerSocket far = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
             ServerSocket probe = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            int listenPort = probe.getLocalPort();
            probe.close();
            Link link = new Link(new LinkSpec("relay", ChannelAddress.parse("tcp-listen://127.0.0.1:" + listenPort),
                    ChannelAddress.parse("tcp://127.0.0.1:" + far.getLocalPort())), registry, line -> { }, Set.of());
            link.start();
            assertTrue(link.awaitUp(10, TimeUnit.SECONDS));
            far.setSoTimeout(20_000); // a test never waits for ever on a peer that does not come
            Socket farSide = far.accept();
            Socket nearSide = connectRetrying(listenPort);
            byte[] up = random(1);
            byte[] down = random(2);
            CompletableFuture<Void> w1 = pump(up, nearSide.getOutputStream());
            CompletableFuture<Void> w2 = pump(down, farSide.getOutputStream());
            CompletableFuture<byte[]> r1 = read(farSide.getInputStream());
            CompletableFuture<byte[]> r2 = read(nearSide.getInputStream());
            assertArrayEquals(up, r1.get(60, TimeUnit.SECONDS));
            assertArrayEquals(down, r2.get(60, TimeUnit.SECONDS));
            w1.get();
            w2.get();
            assertTrue(link.bytesAtoB() == SIZE && link.bytesBtoA() == SIZE, link.bytesAtoB() + " / " + link.bytesBtoA());
            link.stop();
            farSide.close();
            nearSide.close();
        } finally {
            provider.close();
        }
    }

    private static Socket connectRetrying(int port) throws Exception {
        for (int i = 0; ; i++) {
            try {
                return new Socket(InetAddress.getLoopbackAddress(), port);
            } catch (IOException e) {
                if (i > 100) {
                    throw e;
                }
                Thread.sleep(20);
            }
        }
    }

    private static byte[] random(long seed) {
        byte[] b = new byte[SIZE];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static CompletableFuture<Void> pump(byte[] data, OutputStream out) {
        return CompletableFuture.runAsync(() -> {
            try {
                for (int off = 0; off < data.length; off += 64 * 1024) {
                    out.write(data, off, Math.min(64 * 1024, data.length - off));
                }
                out.flush();
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
    }

    private static CompletableFuture<byte[]> read(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return in.readNBytes(SIZE);
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
    }
}
