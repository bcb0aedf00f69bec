import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The plugin host, measured from outside as a user meets it: `./espdesk host` as a process, a real plugin jar
 * copied into and deleted from its bundles folder. Prints medians over RUNS runs.
 *
 *   java bench/HostBench.java [runs]
 */
public class HostBench {
    public static void main(String[] args) throws Exception {
        // a bench that fails (or is stopped) takes the espdesks it started with it; bench/common.sh's trap cannot
        // reach them once this JVM is gone, as they are no longer its children then
        Runtime.getRuntime().addShutdownHook(new Thread(() -> ProcessHandle.current().descendants().forEach(ProcessHandle::destroy)));
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Path root = Paths.get(".").toAbsolutePath().normalize();
        Path jar = Files.list(root.resolve("plugins/nodemcu/target")).filter(p -> p.toString().matches(".*/espdesk-nodemcu-[0-9.]+\\.jar"))
                .findFirst().orElseThrow(() -> new IllegalStateException("build first: ./espdesk --help"));
        List<Double> ready = new ArrayList<>(), readyInside = new ArrayList<>(), add = new ArrayList<>(), del = new ArrayList<>();
        List<Double> rssIdle = new ArrayList<>(), rssPlugin = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            Path bundles = Files.createTempDirectory("espdesk-bench-bundles");
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(root.resolve("espdesk").toString(), "host", "--bundles", bundles.toString())
                    .redirectErrorStream(true).start();
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream()))) {
                    String l;
                    while ((l = r.readLine()) != null) {
                        lines.add(System.nanoTime() + " " + l);
                    }
                } catch (Exception ignored) {
                }
            });
            reader.setDaemon(true);
            reader.start();
            String[] r = await(lines, "espdesk host ready in ");
            ready.add((Long.parseLong(r[0]) - t0) / 1e6);
            readyInside.add(Double.parseDouble(r[1].replaceAll(".*ready in (\\d+) ms.*", "$1")));
            Thread.sleep(800);
            rssIdle.add(rssMb(p.pid()));
            long t1 = System.nanoTime();
            Files.copy(jar, bundles.resolve(jar.getFileName()));
            r = await(lines, "plugin started: ");
            add.add((Long.parseLong(r[0]) - t1) / 1e6);
            Thread.sleep(800);
            rssPlugin.add(rssMb(p.pid()));
            long t2 = System.nanoTime();
            Files.delete(bundles.resolve(jar.getFileName()));
            r = await(lines, "plugin stopped: ");
            del.add((Long.parseLong(r[0]) - t2) / 1e6);
            p.destroy();
            p.waitFor(10, TimeUnit.SECONDS);
        }
        System.out.printf("runs: %d (medians; min-max)%n", runs);
        print("start to ready, whole process (JVM start included)", ready, "ms");
        print("start to ready, inside the JVM (Felix + deployer)", readyInside, "ms");
        print("copy of a jar into bundles/ to 'plugin started'", add, "ms");
        print("delete to 'plugin stopped'", del, "ms");
        print("idle host RSS, no plugin", rssIdle, "MB");
        print("idle host RSS, nodemcu plugin active", rssPlugin, "MB");
    }

    static String[] await(BlockingQueue<String> q, String prefix) throws InterruptedException {
        while (true) {
            String l = q.poll(30, TimeUnit.SECONDS);
            if (l == null) {
                throw new IllegalStateException("no line starting '" + prefix + "'");
            }
            int sp = l.indexOf(' ');
            if (l.substring(sp + 1).startsWith(prefix)) {
                return new String[] {l.substring(0, sp), l.substring(sp + 1)};
            }
        }
    }

    static double rssMb(long pid) throws Exception {
        for (String l : Files.readAllLines(Paths.get("/proc/" + pid + "/status"))) {
            if (l.startsWith("VmRSS:")) {
                return Long.parseLong(l.replaceAll("\\D", "")) / 1024.0;
            }
        }
        return -1;
    }

    static void print(String what, List<Double> v, String unit) {
        List<Double> s = new ArrayList<>(v);
        Collections.sort(s);
        double med = s.size() % 2 == 1 ? s.get(s.size() / 2) : (s.get(s.size() / 2 - 1) + s.get(s.size() / 2)) / 2;
        System.out.printf("%-55s %8.1f %s  (%.1f-%.1f)%n", what, med, unit, s.get(0), s.get(s.size() - 1));
    }
}
