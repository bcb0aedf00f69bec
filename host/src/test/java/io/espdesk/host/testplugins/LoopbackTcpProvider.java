package io.espdesk.host.testplugins;

import io.espdesk.api.Channel;
import io.espdesk.api.ChannelAddress;
import io.espdesk.api.ChannelListener;
import io.espdesk.api.ChannelProvider;
import io.espdesk.api.SchemeHelp;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Map;
import java.util.Set;

/** A deliberately tiny TCP client channel: connects to HOST:PORT of the address, relays both ways. */
public final class LoopbackTcpProvider implements ChannelProvider {
    private final Set<String> schemes;

    public LoopbackTcpProvider(String scheme) {
        this.schemes = Set.of(scheme);
    }

    @Override
    public Set<String> schemes() {
        return schemes;
    }

    @Override
    public SchemeHelp help(String scheme) {
        return new SchemeHelp(scheme + "://HOST:PORT", "a tiny loopback test client", Map.of("nothing=0", "no option is read (test)"));
    }

    @Override
    public Channel open(ChannelAddress address) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress(address.host(), address.port()), 2_000);
        return new Channel() {
            @Override
            public void start(ChannelListener listener) {
                Thread t = new Thread(() -> {
                    byte[] buf = new byte[8192];
                    try (InputStream in = s.getInputStream()) {
                        int n;
                        while ((n = in.read(buf)) >= 0) {
                            listener.onData(buf, 0, n);
                        }
                        listener.onClosed("peer closed");
                    } catch (IOException e) {
                        listener.onClosed("connection lost: " + e.getMessage());
                    }
                }, "test-tcp-reader");
                t.setDaemon(true);
                t.start();
            }

            @Override
            public void write(byte[] data, int offset, int length) throws IOException {
                OutputStream out = s.getOutputStream();
                out.write(data, offset, length);
                out.flush();
            }

            @Override
            public void close() {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
        };
    }
}
