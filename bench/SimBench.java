import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The simulated boards, measured as whole `./espdesk sim` processes (JVM start included):
 *  1. 24 simulated hours of lua-scripts/two-esp8266 (17,280 messages): wall time and simulated/wall ratio;
 *  2. N boards on a router network for one simulated hour, N = 25, 50, 100: wall time per board;
 *  3. `espdesk test lua-scripts`: wall time of the whole suite and scenario-seconds per wall second;
 *  4. a CPU-bound Lua script under espdesk and under lua5.1 (when installed), same script, ratio.
 *
 *   java bench/SimBench.java [runs]
 */
public class SimBench {
    static final Path ROOT = Paths.get(".").toAbsolutePath().normalize();

    public static void main(String[] args) throws Exception {
        // a bench that fails (or is stopped) takes the espdesks it started with it; bench/common.sh's trap cannot
        // reach them once this JVM is gone, as they are no longer its children then
        Runtime.getRuntime().addShutdownHook(new Thread(() -> ProcessHandle.current().descendants().forEach(ProcessHandle::destroy)));
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        List<Double> day = new ArrayList<>();
        List<Double> dayInJvm = new ArrayList<>();
        String out = "";
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            String[] both = runBoth(ROOT.resolve("espdesk").toString(), "sim", "lua-scripts/two-esp8266", "--for", "24h");
            day.add((System.nanoTime() - t0) / 1e9);
            dayInJvm.add(inJvm(both[1]));
            out = both[0];
        }
        long messages = out.lines().filter(l -> l.equals("[server] Received Data: Hello World!")).count();
        double med = median(day);
        System.out.printf("two-esp8266, 24 h simulated: %d messages; whole process median %.3f s (%.3f-%.3f) over %d runs = %.0fx real time;"
                + " inside the JVM %.3f s%n", messages, med, Collections.min(day), Collections.max(day), runs, 86400 / med, median(dayInJvm));

        System.out.println("router network, 1 simulated hour (each board: joins, sends a UDP reading every 10 s to a hub):");
        double first = 0;
        for (int n : new int[] {25, 50, 100}) {
            Path dir = routerScenario(n);
            List<Double> t = new ArrayList<>();
            List<Double> jvm = new ArrayList<>();
            for (int i = 0; i < Math.max(3, runs / 3); i++) {
                long t0 = System.nanoTime();
                String[] both = runBoth(ROOT.resolve("espdesk").toString(), "sim", dir.toString(), "--for", "1h");
                t.add((System.nanoTime() - t0) / 1e9);
                jvm.add(inJvm(both[1]));
                out = both[0];
            }
            String hub = out.lines().filter(l -> l.startsWith("[hub] readings")).reduce((a, b) -> b).orElse("?");
            if (n == 25) {
                first = median(t);
            }
            System.out.printf("  %3d boards: median %.3f s whole process (%.3f s inside the JVM), %.2f ms per board-hour%s; last hub line: %s%n",
                    n, median(t), median(jvm), median(t) * 1000 / n,
                    n == 25 ? "" : String.format(" (%.2f ms per board added beyond 25)", (median(t) - first) * 1000 / (n - 25)), hub);
        }

        List<Double> suite = new ArrayList<>();
        String summary = "";
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            out = run(ROOT.resolve("espdesk").toString(), "test", "lua-scripts");
            suite.add((System.nanoTime() - t0) / 1e9);
            summary = out.lines().filter(l -> l.contains("scenario runs:")).findFirst().orElse("?");
        }
        double simulatedSeconds = Double.parseDouble(summary.replaceAll(".*\\((\\d+) s simulated.*", "$1"));
        System.out.printf("espdesk test lua-scripts, whole process: median %.3f s (%.3f-%.3f) over %d runs; %.0f scenario-seconds"
                + " per wall second; %s%n", median(suite), Collections.min(suite), Collections.max(suite), runs,
                simulatedSeconds / median(suite), summary);

        Path cpu = cpuScenario();
        List<Double> lj = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            out = run(ROOT.resolve("espdesk").toString(), "sim", cpu.toString(), "--for", "1s");
            lj.add((System.nanoTime() - t0) / 1e9);
        }
        String result = out.lines().filter(l -> l.startsWith("[cpu] result")).findFirst().orElse("?");
        System.out.printf("CPU-bound Lua (%s): espdesk median %.2f s whole process%n", result, median(lj));
        String lua = which("lua5.1");
        if (lua == null) {
            System.out.println("  lua5.1 is not installed: the PUC Lua ratio is skipped (apt-get install lua5.1 to measure it)");
        } else {
            List<Double> pl = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                long t0 = System.nanoTime();
                out = run(lua, cpu.resolve("cpu/work.lua").toString());
                pl.add((System.nanoTime() - t0) / 1e9);
            }
            System.out.printf("  lua5.1 median %.2f s (%s): espdesk/lua5.1 = %.2fx%n", median(pl), out.trim(), median(lj) / median(pl));
        }
    }

    static Path routerScenario(int n) throws Exception {
        Path dir = Files.createTempDirectory("espdesk-bench-router");
        // the hub joins first, so it holds 192.168.1.2; the sensors power on 5 s later
        StringBuilder boards = new StringBuilder("\"hub\": {}");
        for (int i = 0; i < n; i++) {
            boards.append(String.format(", \"sensor%03d\": {\"start\": \"5s\"}", i));
        }
        Files.writeString(dir.resolve("sim.json"), "{\"routers\": [{\"ssid\": \"Home\", \"pwd\": \"homepass1\", \"max\": 255}],"
                + " \"boards\": {" + boards + "}}");
        Files.createDirectories(dir.resolve("hub"));
        Files.writeString(dir.resolve("hub/init.lua"), "wifi.setmode(wifi.STATION) wifi.sta.config('Home', 'homepass1')\n"
                + "n = 0 u = net.createUDPSocket() u:listen(9000) u:on('receive', function(s, d) n = n + 1 end)\n"
                + "tmr.alarm(0, 600000, 1, function() print('readings', n) end)");
        for (int i = 0; i < n; i++) {
            Path b = Files.createDirectories(dir.resolve(String.format("sensor%03d", i)));
            Files.writeString(b.resolve("init.lua"), "wifi.setmode(wifi.STATION) wifi.sta.config('Home', 'homepass1')\n"
                    + "local u = net.createUDPSocket()\n"
                    + "tmr.alarm(0, 10000, 1, function() if wifi.sta.getip() then u:send(9000, '192.168.1.2', tostring(tmr.time())) end end)");
        }
        return dir;
    }

    static Path cpuScenario() throws Exception {
        Path dir = Files.createTempDirectory("espdesk-bench-cpu");
        Files.writeString(dir.resolve("sim.json"), "{\"watchdog\": 9000000000000}");
        Path b = Files.createDirectories(dir.resolve("cpu"));
        String work = "local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end\n"
                + "local t = {} for i = 1, 300000 do t[i] = (i * 7) % 1000 end table.sort(t)\n"
                + "local s = 0 for r = 1, 300 do for i = 1, #t do s = s + t[i] end end\n"
                + "local parts = {} for i = 1, 200000 do parts[#parts + 1] = string.format('%d:%s', i, tostring(i * 3)) end\n"
                + "print('result', fib(34), s, #table.concat(parts, ','))\n";
        Files.writeString(b.resolve("work.lua"), work);
        Files.writeString(b.resolve("init.lua"), "dofile('work.lua')");
        return dir;
    }

    static String run(String... cmd) throws Exception {
        return runBoth(cmd)[0];
    }

    /** {stdout, stderr} of a command that must succeed. */
    static String[] runBoth(String... cmd) throws Exception {
        Path err = Files.createTempFile("simbench", ".err");
        Process p = new ProcessBuilder(cmd).directory(ROOT.toFile()).redirectError(err.toFile()).start();
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (InputStream in = p.getInputStream()) {
            in.transferTo(bos);
        }
        int rc = p.waitFor();
        String errText = Files.readString(err);
        Files.delete(err);
        if (rc != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed: " + errText);
        }
        return new String[] {bos.toString(StandardCharsets.UTF_8), errText};
    }

    /** The seconds of espdesk's own "simulated X s in Y s" summary: the time inside the JVM, start-up excluded. */
    static double inJvm(String stderr) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("simulated [0-9.]+ [a-z]+ in ([0-9.]+) s").matcher(stderr);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
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
