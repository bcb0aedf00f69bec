import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;

/**
 * The network plugins, measured as whole `./espdesk link` processes on loopback:
 *  1. connections held by one tcp-listen, each receiving a broadcast, and the process's RSS at that count;
 *  2. relay throughput tcp-listen -> tcp, one way and both ways at once, against socat on the same path (when installed);
 *  3. WebSocket small-message round trips per second through ws-listen, against the npm "ws" package (when at hand).
 *
 *   java bench/NetBench.java [connections]
 */
public class NetBench {
    static final Path ROOT = Paths.get(".").toAbsolutePath().normalize();

    public static void main(String[] args) throws Exception {
        // a bench that fails (or is stopped) takes the espdesks it started with it; bench/common.sh's trap cannot
        // reach them once this JVM is gone, as they are no longer its children then
        Runtime.getRuntime().addShutdownHook(new Thread(() -> ProcessHandle.current().descendants().forEach(ProcessHandle::destroy)));
        int conns = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        if (conns > 0) {
            connections(conns);
        }
        throughput();
        if (!Boolean.getBoolean("relay.only")) {
            roundTrips();
        }
    }

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    static Process espdesk(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(ROOT.resolve("espdesk").toString(), "link"));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.appendTo(new java.io.File(System.getProperty("java.io.tmpdir"), "espdesk-netbench.log"))).start();
    }

    /** Waits until something listens on the port, without connecting (socat without fork takes only one client). */
    static void awaitPort(int port) throws Exception {
        String hex = String.format(":%04X ", port);
        for (int i = 0; i < 500; i++) {
            List<String> lines = new ArrayList<>(Files.readAllLines(Paths.get("/proc/net/tcp")));
            lines.addAll(Files.readAllLines(Paths.get("/proc/net/tcp6"))); // a JVM's IPv4 socket may be a dual-stack one
            for (String l : lines) {
                String[] f = l.trim().split("\\s+");
                if (f.length > 3 && (f[1] + " ").endsWith(hex) && f[3].equals("0A")) {
                    return;
                }
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("nothing listens on " + port);
    }

    static double rssMb(long pid) throws Exception {
        for (String l : Files.readAllLines(Paths.get("/proc/" + pid + "/status"))) {
            if (l.startsWith("VmRSS:")) {
                return Long.parseLong(l.replaceAll("\\D", "")) / 1024.0;
            }
        }
        return -1;
    }

    static void connections(int n) throws Exception {
        int port = freePort();
        Process p = espdesk("tcp-listen://127.0.0.1:" + port, "stdio:");
        awaitPort(port);
        Thread.sleep(300);
        double idle = rssMb(p.pid());
        List<SocketChannel> socks = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            socks.add(SocketChannel.open(new InetSocketAddress(InetAddress.getLoopbackAddress(), port)));
        }
        double connectS = (System.nanoTime() - t0) / 1e9;
        Thread.sleep(1000);
        OutputStream stdin = p.getOutputStream();
        long t1 = System.nanoTime();
        stdin.write("broadcast\n".getBytes());
        stdin.flush();
        int ok = 0;
        ByteBuffer b = ByteBuffer.allocate(10);
        for (SocketChannel s : socks) {
            b.clear();
            while (b.hasRemaining() && s.read(b) > 0) {
                // blocking read until the whole line is there
            }
            if (b.position() == 10) {
                ok++;
            }
        }
        double fanout = (System.nanoTime() - t1) / 1e6;
        double rss = rssMb(p.pid());
        System.out.printf("tcp-listen: %d connections opened in %.2f s; broadcast reached %d of them in %.0f ms; RSS %.0f MB"
                + " (idle %.0f MB, %.1f KB per connection)%n", n, connectS, ok, fanout, rss, idle, (rss - idle) * 1024 / n);
        for (SocketChannel s : socks) {
            s.close();
        }
        p.destroy();
        p.waitFor(10, TimeUnit.SECONDS);
    }

    static void throughput() throws Exception {
        int mib = Integer.getInteger("relay.mib", 1024); // long enough for the JIT: 256 MiB runs are mostly warm-up
        double[] ours = relay(mib, (in, out) -> espdesk("tcp-listen://127.0.0.1:" + in, "tcp://127.0.0.1:" + out));
        String socat = which("socat");
        if (socat == null) {
            System.out.printf("relay tcp-listen -> tcp, %d MiB: espdesk %.0f MB/s one way, %.0f MB/s each way both at once;"
                    + " socat is not installed, ratio skipped%n", mib, ours[0], ours[1]);
            return;
        }
        double[] theirs = relay(mib, (in, out) -> new ProcessBuilder(socat, "TCP-LISTEN:" + in + ",bind=127.0.0.1,reuseaddr",
                "TCP:127.0.0.1:" + out).redirectError(ProcessBuilder.Redirect.DISCARD).start());
        System.out.printf("relay tcp-listen -> tcp, %d MiB: espdesk %.0f MB/s one way, %.0f MB/s each way both at once; socat %.0f / %.0f MB/s;"
                + " ratio %.2fx / %.2fx%n", mib, ours[0], ours[1], theirs[0], theirs[1], ours[0] / theirs[0], ours[1] / theirs[1]);
    }

    interface Relay {
        Process start(int in, int out) throws Exception;
    }

    /** Median MB/s over 3 runs: {one way, each way when both run at once}. */
    static double[] relay(int mib, Relay relay) throws Exception {
        List<Double> one = new ArrayList<>();
        List<Double> both = new ArrayList<>();
        for (int run = 0; run < 3; run++) {
            for (boolean duplex : new boolean[] {false, true}) {
                try (ServerSocket far = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
                    int in = freePort();
                    Process p = relay.start(in, far.getLocalPort());
                    awaitPort(in);
                    Socket near = new Socket(InetAddress.getLoopbackAddress(), in);
                    Socket farSide = far.accept();
                    long bytes = (long) mib << 20;
                    long t0 = System.nanoTime();
                    CompletableFuture<Void> a = CompletableFuture.runAsync(() -> pump(near, bytes));
                    CompletableFuture<Void> b = CompletableFuture.runAsync(() -> drain(farSide, bytes));
                    CompletableFuture<Void> c = duplex ? CompletableFuture.runAsync(() -> pump(farSide, bytes)) : CompletableFuture.completedFuture(null);
                    CompletableFuture<Void> d = duplex ? CompletableFuture.runAsync(() -> drain(near, bytes)) : CompletableFuture.completedFuture(null);
                    try {
                        CompletableFuture.allOf(a, b, c, d).get(120, TimeUnit.SECONDS);
                    } catch (java.util.concurrent.TimeoutException e) {
                        throw new IllegalStateException("relay " + (duplex ? "both ways" : "one way") + " stalled: " + a.isDone() + b.isDone() + c.isDone() + d.isDone());
                    }
                    double mbs = bytes / 1e6 / ((System.nanoTime() - t0) / 1e9);
                    (duplex ? both : one).add(mbs);
                    near.close();
                    farSide.close();
                    p.destroy();
                    p.waitFor(10, TimeUnit.SECONDS);
                }
            }
        }
        return new double[] {median(one), median(both)};
    }

    static void pump(Socket s, long bytes) {
        try {
            OutputStream out = s.getOutputStream();
            byte[] chunk = new byte[64 * 1024];
            for (long sent = 0; sent < bytes; sent += chunk.length) {
                out.write(chunk, 0, (int) Math.min(chunk.length, bytes - sent));
            }
            out.flush();
        } catch (Exception e) {
            throw new RuntimeException(e);
        }
    }

    static void drain(Socket s, long bytes) {
        try {
            InputStream in = s.getInputStream();
            byte[] buf = new byte[64 * 1024];
            long got = 0;
            while (got < bytes) {
                int n = in.read(buf);
                if (n < 0) {
                    throw new IllegalStateException("ended after " + got);
                }
                got += n;
            }
        } catch (Exception e) {
            throw new RuntimeException(e);
        }
    }

    static void roundTrips() throws Exception {
        // espdesk: a JDK WebSocket client -> ws-listen -> tcp -> an echo server here -> back
        try (ServerSocket echo = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                try (Socket s = echo.accept()) {
                    InputStream in = s.getInputStream();
                    OutputStream out = s.getOutputStream();
                    byte[] buf = new byte[4096];
                    int n;
                    while ((n = in.read(buf)) > 0) {
                        out.write(buf, 0, n);
                    }
                } catch (Exception ignored) {
                }
            });
            t.setDaemon(true);
            t.start();
            int port = freePort();
            Process p = espdesk("ws-listen://127.0.0.1:" + port + "/", "tcp://127.0.0.1:" + echo.getLocalPort());
            awaitPort(port);
            double ours = rtt("ws://127.0.0.1:" + port + "/");
            p.destroy();
            String node = which("node");
            Path ws = Paths.get(System.getProperty("java.io.tmpdir"), "espdesk-bench-ws");
            String theirs = "npm package 'ws' not at hand: reference skipped";
            if (node != null) {
                try {
                    if (!Files.exists(ws.resolve("node_modules/ws"))) {
                        Files.createDirectories(ws);
                        new ProcessBuilder("npm", "install", "--silent", "ws@8").directory(ws.toFile()).inheritIO().start().waitFor(120, TimeUnit.SECONDS);
                    }
                    if (Files.exists(ws.resolve("node_modules/ws"))) {
                        int np = freePort();
                        Files.writeString(ws.resolve("echo.js"), "const {WebSocketServer} = require('ws');\n"
                                + "new WebSocketServer({host: '127.0.0.1', port: " + np + "}).on('connection', s => s.on('message', (m, bin) => s.send(m, {binary: bin})));\n");
                        Process n = new ProcessBuilder(node, "echo.js").directory(ws.toFile()).start();
                        awaitPort(np);
                        double ref = rtt("ws://127.0.0.1:" + np + "/");
                        n.destroy();
                        theirs = String.format("npm ws echo server %.0f round trips/s; ratio %.2fx", ref, ours / ref);
                    }
                } catch (Exception e) {
                    theirs = "npm ws reference failed: " + e.getMessage();
                }
            }
            System.out.printf("WebSocket 16-byte round trips through ws-listen -> tcp echo: %.0f /s; %s%n", ours, theirs);
        }
    }

    /** Round trips per second of one JDK WebSocket client, after warm-up, for about 3 s. */
    static double rtt(String uri) throws Exception {
        SynchronousQueue<String> replies = new SynchronousQueue<>();
        StringBuilder part = new StringBuilder();
        WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create(uri), new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                part.append(data);
                w.request(1);
                if (part.length() >= 16) {
                    String m = part.toString();
                    part.setLength(0);
                    try {
                        replies.put(m);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return null;
            }
        }).get(5, TimeUnit.SECONDS);
        String msg = "0123456789abcdef";
        for (int i = 0; i < 2000; i++) {
            ws.sendText(msg, true).get();
            replies.take();
        }
        long t0 = System.nanoTime();
        int n = 0;
        while (System.nanoTime() - t0 < 3_000_000_000L) {
            ws.sendText(msg, true).get();
            replies.take();
            n++;
        }
        double rate = n / ((System.nanoTime() - t0) / 1e9);
        ws.abort();
        return rate;
    }

    static String which(String name) {
        for (String d : System.getenv("PATH").split(":")) {
            Path p = Paths.get(d, name);
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        return null;
    }

    static double median(List<Double> v) {
        List<Double> s = new ArrayList<>(v);
        Collections.sort(s);
        return s.size() % 2 == 1 ? s.get(s.size() / 2) : (s.get(s.size() / 2 - 1) + s.get(s.size() / 2)) / 2;
    }
}
