import io.espdesk.serial.PseudoTerminal;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

/**
 * The serial bridge end to end on one machine: pty -> bridge -> TCP (loopback) -> bridge -> pty, with espdesk's two
 * `espdesk link` processes (plain and ?resume=on) and, when socat is installed, the same path built with two socats,
 * measured in the same run: throughput each way and one-byte latency (median, p99).
 * Run: bench/serial.sh [MiB each way, default 128] [rounds, default 3]; -Donly.espdesk=1 leaves socat out.
 */
public class SerialBench {
    static final Path ROOT = Paths.get("").toAbsolutePath();

    /** Starts the two bridges, adding each process to {@code started} as soon as it runs (so none is left behind). */
    interface Bridges {
        void start(String a, String b, int port, List<Process> started) throws Exception;
    }

    record Result(String name, double aToB, double bToA, double medianUs, double p99Us) {
    }

    public static void main(String[] args) throws Exception {
        // a bench that fails (or is stopped) takes the espdesks it started with it; bench/common.sh's trap cannot
        // reach them once this JVM is gone, as they are no longer its children then
        Runtime.getRuntime().addShutdownHook(new Thread(() -> ProcessHandle.current().descendants().forEach(ProcessHandle::destroy)));
        int mib = args.length > 0 ? Integer.parseInt(args[0]) : 128;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        String socat = System.getProperty("only.espdesk") != null ? null : which("socat");
        if (socat == null) {
            System.out.println("socat: not installed, its column is skipped (apt-get install socat to compare)");
        }
        java.util.Map<String, Bridges> paths = new java.util.LinkedHashMap<>();
        paths.put("espdesk", (a, b, port, started) -> {
            started.add(espdesk("serial:" + a, "tcp-listen://127.0.0.1:" + port));
            started.add(espdesk("serial:" + b, "tcp://127.0.0.1:" + port));
        });
        paths.put("espdesk resume=on", (a, b, port, started) -> {
            started.add(espdesk("serial:" + a, "tcp-listen://127.0.0.1:" + port + "?resume=on"));
            started.add(espdesk("serial:" + b, "tcp://127.0.0.1:" + port + "?resume=on"));
        });
        if (socat != null) {
            paths.put("socat", (a, b, port, started) -> {
                started.add(new ProcessBuilder(socat, a, "TCP-LISTEN:" + port + ",bind=127.0.0.1,reuseaddr")
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start());
                Thread.sleep(300);
                started.add(new ProcessBuilder(socat, b, "TCP:127.0.0.1:" + port + ",retry=50,interval=0.1")
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start());
            });
        }
        // the paths take turns, round after round, so that a noisy moment of the machine does not favour one of them
        java.util.Map<String, List<Result>> all = new java.util.LinkedHashMap<>();
        for (int round = 1; round <= rounds; round++) {
            for (java.util.Map.Entry<String, Bridges> p : paths.entrySet()) {
                System.out.print("round " + round + ": ");
                all.computeIfAbsent(p.getKey(), k -> new ArrayList<>()).add(run(p.getKey(), mib, p.getValue()));
            }
        }
        List<Result> results = new ArrayList<>();
        for (java.util.Map.Entry<String, List<Result>> e : all.entrySet()) {
            List<Result> rs = e.getValue();
            results.add(new Result(e.getKey(), median(rs.stream().map(Result::aToB).toList()), median(rs.stream().map(Result::bToA).toList()),
                    median(rs.stream().map(Result::medianUs).toList()), median(rs.stream().map(Result::p99Us).toList())));
        }
        System.out.println();
        System.out.printf("medians of %d rounds, %d MiB each way:%n", rounds, mib);
        System.out.printf("%-20s %12s %12s %14s %12s%n", "path", "A->B MB/s", "B->A MB/s", "median µs", "p99 µs");
        for (Result r : results) {
            System.out.printf("%-20s %12.1f %12.1f %14.0f %12.0f%n", r.name, r.aToB, r.bToA, r.medianUs, r.p99Us);
        }
        Result s = results.stream().filter(r -> r.name.equals("socat")).findFirst().orElse(null);
        if (s != null) {
            for (Result r : results.subList(0, results.size() - 1)) {
                double ab = r.aToB / s.aToB;
                double ba = r.bToA / s.bToA;
                double lat = r.medianUs / s.medianUs;
                System.out.printf("%s vs socat: throughput A->B %.2fx, B->A %.2fx (target ≥ 1.2×: %s); median latency %.2fx of socat's"
                        + " (target ≤ 1.0×: %s); p99 %.0f µs (target < 1000 µs: %s)%n", r.name, ab, ba, met(ab >= 1.2 && ba >= 1.2), lat,
                        met(lat <= 1.0), r.p99Us, met(r.p99Us < 1000));
            }
        }
    }

    /** A target is a goal, not an error: say whether it is met. */
    static String met(boolean met) {
        return met ? "met" : "not met";
    }

    static double median(List<Double> v) {
        List<Double> s = new ArrayList<>(v);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }

    static Process espdesk(String a, String b) throws IOException {
        return new ProcessBuilder(ROOT.resolve("espdesk").toString(), "link", "-q", a, b)
                .redirectError(ProcessBuilder.Redirect.appendTo(new java.io.File(System.getProperty("java.io.tmpdir"), "espdesk-serialbench.log")))
                .start();
    }

    static Result run(String name, int mib, Bridges bridges) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        try (PseudoTerminal a = PseudoTerminal.open(); PseudoTerminal b = PseudoTerminal.open()) {
            List<Process> ps = new ArrayList<>();
            try {
                bridges.start(a.path(), b.path(), port, ps);
                awaitPath(a, b);
                awaitPath(b, a);
                stream(a, b, 16); // warm-up (JIT)
                stream(b, a, 16);
                double ab = stream(a, b, mib);
                double ba = stream(b, a, mib);
                List<Double> lat = new ArrayList<>();
                byte[] one = {'x'};
                byte[] buf = new byte[16];
                for (int i = 0; i < 7_000; i++) {
                    long t0 = System.nanoTime();
                    a.write(one, 0, 1);
                    if (b.read(buf, 1, 5_000) != 1) {
                        throw new IOException(name + ": a byte did not arrive within 5 s");
                    }
                    if (i >= 2_000) { // after a warm-up: the JIT has compiled the one-byte path
                        lat.add((System.nanoTime() - t0) / 1_000.0);
                    }
                    Thread.sleep(0, 200_000);
                }
                Collections.sort(lat);
                Result r = new Result(name, ab, ba, lat.get(lat.size() / 2), lat.get((int) (lat.size() * 0.99)));
                System.out.printf("%s: A->B %.1f MB/s, B->A %.1f MB/s, one byte median %.0f µs, p99 %.0f µs%n", name, ab, ba, r.medianUs, r.p99Us);
                return r;
            } finally {
                for (Process p : ps) {
                    p.destroy();
                    p.waitFor();
                }
            }
        }
    }

    /** Sends a byte until one arrives: both bridges are up and joined. */
    static void awaitPath(PseudoTerminal from, PseudoTerminal to) throws Exception {
        byte[] buf = new byte[4096];
        long end = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < end) {
            from.write(new byte[] {'?'}, 0, 1);
            if (to.read(buf, buf.length, 200) > 0) {
                Thread.sleep(300);
                while (to.read(buf, buf.length, 100) > 0) {
                    // drain the other probes
                }
                return;
            }
        }
        throw new IOException("the bridges did not join within 60 s (see " + System.getProperty("java.io.tmpdir") + "/espdesk-serialbench.log)");
    }

    /** MB/s of {@code mib} MiB written into one pty and read out of the other. */
    static double stream(PseudoTerminal from, PseudoTerminal to, int mib) throws Exception {
        long total = (long) mib << 20;
        byte[] chunk = new byte[64 * 1024];
        new Random(mib).nextBytes(chunk);
        long t0 = System.nanoTime();
        CompletableFuture<Void> w = CompletableFuture.runAsync(() -> {
            try {
                for (long sent = 0; sent < total; sent += chunk.length) {
                    from.write(chunk, 0, chunk.length);
                }
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        byte[] buf = new byte[256 * 1024];
        long got = 0;
        while (got < total) {
            int n = to.read(buf, buf.length, 10_000);
            if (n <= 0) {
                throw new IOException("stalled after " + got + " of " + total + " bytes");
            }
            got += n;
        }
        w.get();
        return total / 1e6 / ((System.nanoTime() - t0) / 1e9);
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
}
