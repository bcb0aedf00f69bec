package io.espdesk.host.link;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.espdesk.api.ChannelAddress;
import io.espdesk.host.Lines;
import io.espdesk.host.conf.LinkSpec;
import io.espdesk.host.testplugins.LoopbackTcpProvider;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A link never buffers without bound: when the far end stops reading, the link stops taking from the near end.
 * Real loopback socket on one side, an endless source on the other.
 */
class BackPressureTest {
    @Test
    void slowReaderStopsTheSender() throws Exception {
        AtomicLong taken = new AtomicLong();
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                taken.incrementAndGet();
                return 'x';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                java.util.Arrays.fill(b, off, off + len, (byte) 'x');
                taken.addAndGet(len);
                return len;
            }
        };
        SchemeRegistry registry = new SchemeRegistry();
        registry.add(new StdioProvider(endless, OutputStream.nullOutputStream()), "host");
        registry.add(new LoopbackTcpProvider("testtcp"), "test");
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Link link = new Link(new LinkSpec("bp", ChannelAddress.parse("stdio:"),
                    ChannelAddress.parse("testtcp://127.0.0.1:" + server.getLocalPort())), registry, new Lines(), Set.of("stdio"));
            link.start();
            server.setSoTimeout(20_000); // a test never waits for ever on a peer that does not come
            try (Socket peer = server.accept()) {
                // the peer reads nothing: the kernel buffers fill, then writes block, then reading stdin stops
                long before;
                long after = taken.get();
                do {
                    before = after;
                    Thread.sleep(300);
                    after = taken.get();
                } while (after != before);
                assertTrue(after < 64L << 20, "took " + after + " bytes while the reader read none");

                // the reader starts: data flows again, so the stall was back-pressure, not a dead link
                InputStream in = peer.getInputStream();
                byte[] buf = new byte[1 << 16];
                long read = 0;
                while (read < 4L * after) {
                    int n = in.read(buf);
                    assertTrue(n > 0);
                    read += n;
                }
                assertTrue(taken.get() > after, "sending resumed");
            }
            link.stop();
            assertTrue(link.awaitDone(5, TimeUnit.SECONDS));
        }
    }
}
