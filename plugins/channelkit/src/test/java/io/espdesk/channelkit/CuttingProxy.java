package io.espdesk.channelkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real TCP proxy on loopback that a test can cut: {@link #cut} resets every connection through it (RST, so bytes in
 * flight are lost, as when a WiFi link goes) and refuses new ones for a while, then listens again on the same port.
 * Shared through netcore's test jar.
 */
public final class CuttingProxy implements AutoCloseable {
    private final int target;
    private final int port;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final AtomicLong forwarded = new AtomicLong();
    private volatile ServerSocket server;
    private volatile boolean closed;

    /** Listens on a free loopback port and forwards every connection to {@code 127.0.0.1:target}. */
    public CuttingProxy(int target) throws IOException {
        this.target = target;
        ServerSocket s = bind(0);
        this.port = s.getLocalPort();
        listen(s);
    }

    public int port() {
        return port;
    }

    /** Bytes carried so far, both ways. */
    public long forwarded() {
        return forwarded.get();
    }

    private static ServerSocket bind(int port) throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return s;
    }

    private void listen(ServerSocket s) {
        server = s;
        Thread t = new Thread(() -> {
            while (!s.isClosed()) {
                try {
                    Socket in = s.accept();
                    Socket out = new Socket(InetAddress.getLoopbackAddress(), target);
                    in.setTcpNoDelay(true);
                    out.setTcpNoDelay(true);
                    sockets.add(in);
                    sockets.add(out);
                    pipe(in, out);
                    pipe(out, in);
                } catch (IOException e) {
                    // closed by cut() or close(), or the target refused: the client sees its connection end
                }
            }
        }, "cutting-proxy-accept");
        t.setDaemon(true);
        t.start();
    }

    private void pipe(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[64 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    out.write(buf, 0, n);
                    forwarded.addAndGet(n);
                }
            } catch (IOException e) {
                // cut, or one side closed
            } finally {
                reset(from);
                reset(to);
            }
        }, "cutting-proxy-pipe");
        t.setDaemon(true);
        t.start();
    }

    private void reset(Socket s) {
        try {
            s.setSoLinger(true, 0); // close with RST: whatever was in flight is gone
        } catch (SocketException e) {
            // already closed
        }
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
        sockets.remove(s);
    }

    /** Resets every connection, refuses new ones for {@code millis}, then accepts again on the same port. */
    public void cut(long millis) throws IOException, InterruptedException {
        server.close();
        for (Socket s : sockets) {
            reset(s);
        }
        Thread.sleep(millis);
        if (!closed) {
            listen(bind(port));
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        for (Socket s : sockets) {
            reset(s);
        }
    }
}
