import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs every command the README shows, so the README stays true: each line of every {@code ```sh} block and every
 * {@code $ command} of a transcript block. A transcript's shown output must come out (in order; figures that depend
 * on the machine, "in 0.12 s (162x)", are matched as any figure).
 *
 * <p>Each command the README holds has a plan below: run it to its end (exit 0), or serve (start it, wait for its
 * ready line, keep it running to the end of its block), with ports, durations and device paths made short or local
 * where the README's would be slow, privileged or need hardware. A block's commands run in order and a block may have
 * a check of what its commands did together (the three-espdesk WebSocket example prints 1, 3, 5 … and 2, 4, 6 …; a
 * byte typed into one pty comes out of the other). A README command without a plan, or a plan whose command the README
 * no longer holds, fails the check: a new command block gets its plan here.
 *
 * <p>Run: {@code java .ci/ReadmeCheck.java} from the project folder (after a build; {@code .ci/run} runs it after
 * {@code mvn verify}); {@code java .ci/ReadmeCheck.java WORD} runs only the blocks with a command that holds WORD
 * ({@code JUnit}: only the JUnit section, whose snippets are compiled against the built jar and run).
 * Exit 1 on any failure, with one line per failure.
 */
public class ReadmeCheck {
    static final Path ROOT = Path.of("").toAbsolutePath();
    static final Path TMP;

    static {
        try {
            TMP = Files.createTempDirectory("espdesk-readme");
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Placeholders a plan's command may use: free loopback ports and paths in a scratch folder. */
    static final Map<String, String> VARS = new LinkedHashMap<>();

    public static void main(String[] args) throws Exception {
        for (int i = 1; i <= 6; i++) {
            VARS.put("${P" + i + "}", Integer.toString(freePort()));
        }
        VARS.put("${TMP}", TMP.toString());
        Runtime.getRuntime().addShutdownHook(new Thread(ReadmeCheck::stopAll));
        List<Block> blocks = Block.read(ROOT.resolve("README.md"));
        Map<String, Plan> plans = plans();
        Map<String, BlockCheck> checks = checks();
        List<String> failures = new ArrayList<>();
        Set<String> used = new LinkedHashSet<>();
        for (Block b : blocks) {
            for (Command c : b.commands) {
                if (!plans.containsKey(c.text)) {
                    failures.add("README.md:" + c.line + ": no plan in .ci/ReadmeCheck.java for: " + c.text);
                }
                used.add(c.text);
            }
        }
        for (String p : plans.keySet()) {
            if (!used.contains(p)) {
                failures.add(".ci/ReadmeCheck.java: a plan for a command the README no longer has: " + p);
            }
        }
        for (String c : checks.keySet()) {
            if (blocks.stream().noneMatch(b -> !b.commands.isEmpty() && b.commands.get(0).text.equals(c))) {
                failures.add(".ci/ReadmeCheck.java: a block check for a block the README no longer has: " + c);
            }
        }
        if (!failures.isEmpty()) {
            failures.forEach(System.out::println);
            System.exit(1);
        }
        int ran = 0;
        int ranBlocks = 0;
        long t0 = System.nanoTime();
        String only = args.length > 0 ? args[0] : null; // a word: run only the blocks with a command that holds it
        for (Block b : blocks) {
            if (b.commands.isEmpty() || only != null && b.commands.stream().noneMatch(c -> c.text.contains(only))) {
                continue;
            }
            String failure = runBlock(b, plans, checks.get(b.commands.get(0).text));
            ran += b.commands.size();
            ranBlocks++;
            if (failure != null) {
                failures.add(failure);
                System.out.println("FAIL  " + failure);
            }
        }
        if (only == null || only.equals("JUnit")) { // "JUnit": this section alone
            String junit = JUnitSection.check(Files.readString(ROOT.resolve("README.md")));
            System.out.println(junit == null ? "ok    README: the JUnit section's dependency, imports and code compile and run"
                    : "FAIL  README: the JUnit section: " + junit);
            if (junit != null) {
                failures.add(junit);
            }
        }
        System.out.printf("README: %d commands in %d blocks, %d block(s) failed (%.0f s)%n", ran, ranBlocks, failures.size(),
                (System.nanoTime() - t0) / 1e9);
        System.exit(failures.isEmpty() ? 0 : 1);
    }

    // ---------------------------------------------------------------- the plans: one per README command

    static Map<String, Plan> plans() {
        Map<String, Plan> p = new LinkedHashMap<>();
        p.put("./espdesk sim lua-scripts/two-esp8266", Plan.run());
        p.put("mvn verify", Plan.skip("it is what .ci/run runs just before this check"));
        p.put("./espdesk sim lua-scripts/two-esp8266 --for 20s", Plan.run());
        p.put("./espdesk test lua-scripts", Plan.run());
        p.put("./espdesk test lua-scripts/two-esp8266-reconnect --seeds 20 --junit target/scenarios.xml",
                Plan.run().then(out -> Files.isRegularFile(ROOT.resolve("target/scenarios.xml")) ? null : "target/scenarios.xml was not written"));
        p.put("./espdesk test lua-scripts/two-esp8266-reconnect/naive", Plan.run());
        p.put("./espdesk host", Plan.serve(null, "espdesk host ready"));
        p.put("./espdesk plugins", Plan.run().then(out -> out.matches("(?s).*io\\.espdesk\\.tcp .*active +tcp, tcp-listen.*") ? null : "the tcp plugin is not listed as active"));
        p.put("./espdesk link ADDRESS stdio:", Plan.serve("./espdesk link tcp-listen://127.0.0.1:${P1} stdio:", "up:"));
        p.put("./espdesk links", Plan.run().then(out -> out.contains(expand("tcp-listen:${P1}<->stdio"))
                ? null : "the running link is not listed"));
        p.put("./espdesk link tcp-listen://0.0.0.0:3000 stdio:", Plan.serve("./espdesk link tcp-listen://127.0.0.1:${P1} stdio:", "up:"));
        p.put("./espdesk link tcp-listen://127.0.0.1:8888 stdio:", Plan.serve("./espdesk link tcp-listen://127.0.0.1:${P2} stdio:", "up:"));
        p.put("./espdesk link \"tcp-listen://127.0.0.1:8080?max=10&lines=1&maxline=50\" stdio:",
                Plan.serve("./espdesk link \"tcp-listen://127.0.0.1:${P3}?max=10&lines=1&maxline=50\" stdio:", "up:"));
        p.put("./espdesk link \"ws-listen://127.0.0.1:81/?frame=line\" \"ws://127.0.0.1:82/?frame=line\"",
                Plan.serve("./espdesk link \"ws-listen://127.0.0.1:${P1}/?frame=line\" \"ws://127.0.0.1:${P2}/?frame=line\"", "ws-listen"));
        p.put("(i=2; while sleep 2; do echo $i; i=$((i+2)); done) | ./espdesk link \"ws-listen://127.0.0.1:82/?frame=line\" stdio:",
                Plan.serve("(i=2; while sleep 0.2; do echo $i; i=$((i+2)); done) | ./espdesk link \"ws-listen://127.0.0.1:${P2}/?frame=line\" stdio:", "up:"));
        p.put("(i=1; while sleep 2; do echo $i; i=$((i+2)); done) | ./espdesk link \"ws://127.0.0.1:81/?frame=line\" stdio:",
                Plan.serve("(i=1; while sleep 0.2; do echo $i; i=$((i+2)); done) | ./espdesk link \"ws://127.0.0.1:${P1}/?frame=line\" stdio:", "up:"));
        p.put("./espdesk ports", Plan.run());
        p.put("./espdesk link serial:/dev/ttyUSB0 \"tcp-listen://0.0.0.0:7000?resume=on\"",
                Plan.serve("./espdesk link serial:${TMP}/ttyUSB0 \"tcp-listen://127.0.0.1:${P4}?resume=on\"", "up:"));
        p.put("./espdesk link serial:/dev/ttyUSB1 \"tcp://hostA:7000?resume=on\"",
                Plan.serve("./espdesk link serial:${TMP}/ttyUSB1 \"tcp://127.0.0.1:${P4}?resume=on\"", "up:"));
        p.put("./espdesk pty --link /tmp/ttyA", Plan.serve("./espdesk pty --link ${TMP}/ttyA", "serial port ready"));
        p.put("./espdesk link serial:/tmp/ttyA \"tcp-listen://127.0.0.1:7000?resume=on\"",
                Plan.serve("./espdesk link serial:${TMP}/ttyA \"tcp-listen://127.0.0.1:${P5}?resume=on\"", "up:"));
        p.put("./espdesk pty --link /tmp/ttyB", Plan.serve("./espdesk pty --link ${TMP}/ttyB", "serial port ready"));
        p.put("./espdesk link serial:/tmp/ttyB \"tcp://127.0.0.1:7000?resume=on\"",
                Plan.serve("./espdesk link serial:${TMP}/ttyB \"tcp://127.0.0.1:${P5}?resume=on\"", "up:"));
        p.put("./espdesk link \"board://left/uart0?sim=lua-scripts/serial-relay\" serial:/dev/ttyUSB0",
                Plan.serve("./espdesk link \"board://left/uart0?sim=lua-scripts/serial-relay\" serial:${TMP}/ttyUSB0", "up:"));
        p.put("./espdesk link \"board://left/uart0?sim=lua-scripts/serial-relay\" stdio:", Plan.serve(null, "up:"));
        // the benchmarks, each as a short run: it must run to its end and print its figures
        p.put("bench/host.sh", Plan.run("bench/host.sh 2"));
        p.put("bench/net.sh", Plan.run("bench/net.sh 200 16"));
        p.put("bench/serial.sh", Plan.run("bench/serial.sh 4 1"));
        p.put("bench/sim.sh", Plan.run("bench/sim.sh 1"));
        return p;
    }

    /** What a block's commands must have done together, keyed by the block's first command. */
    static Map<String, BlockCheck> checks() {
        Map<String, BlockCheck> c = new LinkedHashMap<>();
        c.put("./espdesk link tcp-listen://0.0.0.0:3000 stdio:", BlockCheck.of(run -> {
            // each tutorial server: a client's line reaches the terminal, the terminal's line reaches the client
            for (int i = 0; i < 3; i++) {
                String port = VARS.get("${P" + (i + 1) + "}");
                try (Socket s = new Socket(InetAddress.getLoopbackAddress(), Integer.parseInt(port))) {
                    s.getOutputStream().write(("from client " + i + "\n").getBytes(StandardCharsets.UTF_8));
                    String failure = run.get(i).awaitOut("from client " + i + "\n", 5000);
                    if (failure != null) {
                        return failure;
                    }
                    run.get(i).type("to client " + i + "\n");
                    String got = readLine(s.getInputStream(), 5000);
                    if (!got.equals("to client " + i)) {
                        return "tcp-listen on " + port + ": the client read \"" + got + "\", not what the terminal typed";
                    }
                }
            }
            return null;
        }));
        c.put("./espdesk link \"ws-listen://127.0.0.1:81/?frame=line\" \"ws://127.0.0.1:82/?frame=line\"", BlockCheck.of(run -> {
            String odd = run.get(1).awaitStart("1\n3\n5\n", 8000);
            String even = run.get(2).awaitStart("2\n4\n6\n", 8000);
            return odd != null ? "ESP32-B's side: " + odd : even != null ? "the client of A's server: " + even : null;
        }));
        c.put("./espdesk ports", BlockCheck.after(run -> {
            // no boards here: each "board" is a pty, made before the bridges open it, typed into and read from
            run.helper("./espdesk pty --link ${TMP}/ttyUSB0", "serial port ready");
            run.helper("./espdesk pty --link ${TMP}/ttyUSB1", "serial port ready");
        }, run -> acrossPtys(run.helpers.get(0), run.helpers.get(1))));
        c.put("./espdesk pty --link /tmp/ttyA", BlockCheck.of(run -> acrossPtys(run.get(0), run.get(2))));
        c.put("./espdesk link \"board://left/uart0?sim=lua-scripts/serial-relay\" serial:/dev/ttyUSB0", BlockCheck.after(
                run -> run.helper("./espdesk pty --link ${TMP}/ttyUSB0", "serial port ready"), run -> {
            String viaSerial = run.helpers.get(0).awaitOut("NodeMCU", 15000);
            String viaStdio = run.get(1).awaitOut("NodeMCU", 15000);
            return viaSerial != null ? "board on the pty: " + viaSerial : viaStdio != null ? "board at stdio: " + viaStdio : null;
        }));
        return c;
    }

    static String acrossPtys(Served a, Served b) throws Exception {
        a.type("typed into A\n");
        String ab = b.awaitOut("typed into A", 10000);
        b.type("typed into B\n");
        String ba = a.awaitOut("typed into B", 10000);
        return ab != null ? "A -> B: " + ab : ba != null ? "B -> A: " + ba : null;
    }

    // ---------------------------------------------------------------- running a block

    static final List<Process> RUNNING = new ArrayList<>();

    static String runBlock(Block block, Map<String, Plan> plans, BlockCheck check) throws Exception {
        BlockRun run = new BlockRun(block, plans);
        try {
            if (check != null) {
                check.setup.setup(run);
            }
            String f = run.startRest();
            if (f == null && check != null) {
                f = check.check.check(run);
                f = f == null ? null : "README.md:" + block.line + ": the block's commands together: " + f;
            }
            if (f == null) {
                f = run.stillServing();
            }
            return f;
        } finally {
            run.stop();
        }
    }

    /** One block being run: its served processes stay up until the block ends. */
    static final class BlockRun {
        final Block block;
        final Map<String, Plan> plans;
        final List<Served> served = new ArrayList<>();
        final Map<Integer, Served> byIndex = new LinkedHashMap<>();
        final List<Served> helpers = new ArrayList<>();
        int next;

        BlockRun(Block block, Map<String, Plan> plans) {
            this.block = block;
            this.plans = plans;
        }

        /** The served process of the block's i-th command. */
        Served get(int i) {
            Served s = byIndex.get(i);
            if (s == null) {
                throw new IllegalStateException("command " + i + " of the block at README.md:" + block.line + " is not served");
            }
            return s;
        }

        /** Starts a helper process the README does not show (a pty standing in for a board). */
        Served helper(String command, String ready) throws Exception {
            Served s = Served.start(expand(command), ready);
            served.add(s);
            helpers.add(s);
            String f = s.awaitReady(60000);
            if (f != null) {
                throw new IllegalStateException(f);
            }
            return s;
        }

        String startRest() throws Exception {
            for (; next < block.commands.size(); next++) {
                String f = runOne(block.commands.get(next));
                if (f != null) {
                    return f;
                }
            }
            return null;
        }

        String runOne(Command c) throws Exception {
            Plan plan = plans.get(c.text);
            String where = "README.md:" + c.line + ": " + c.text;
            if (plan.skip != null) {
                System.out.println("skip  " + where + " (" + plan.skip + ")");
                return null;
            }
            String cmd = expand(plan.as != null ? plan.as : c.text);
            long t0 = System.nanoTime();
            if (plan.ready != null) {
                Served s = Served.start(cmd, plan.ready);
                served.add(s);
                byIndex.put(block.commands.indexOf(c), s);
                String f = s.awaitReady(120000);
                if (f != null) {
                    return where + ": " + f;
                }
                System.out.printf("up    %s (%.1f s)%n", where, (System.nanoTime() - t0) / 1e9);
                return null;
            }
            Served s = Served.start(cmd, null);
            served.add(s);
            if (!s.process.waitFor(15, TimeUnit.MINUTES)) {
                return where + ": still running after 15 minutes";
            }
            s.drained();
            String out = s.out.text() + s.err.text();
            if (s.process.exitValue() != 0) {
                return where + ": exit " + s.process.exitValue() + "\n" + indent(tail(out, 30));
            }
            String f = c.expected.isEmpty() ? null : matchTranscript(c.expected, out);
            if (f == null && plan.then != null) {
                f = plan.then.check(out);
            }
            if (f != null) {
                return where + ": " + f;
            }
            System.out.printf("ok    %s (%.1f s)%n", where, (System.nanoTime() - t0) / 1e9);
            return null;
        }

        String stillServing() {
            for (Served s : served) {
                if (s.ready != null && !s.process.isAlive()) {
                    return "README.md:" + block.line + ": `" + s.command + "` ended early (exit " + s.process.exitValue() + ")\n"
                            + indent(tail(s.out.text() + s.err.text(), 20));
                }
            }
            return null;
        }

        void stop() {
            for (Served s : served) {
                s.stop();
            }
        }
    }

    /** A started command, its output collected as it comes. */
    static final class Served {
        final String command;
        final Process process;
        final Output out;
        final Output err;
        final String ready;

        Served(String command, Process process, String ready) {
            this.command = command;
            this.process = process;
            this.ready = ready;
            this.out = new Output(process.getInputStream());
            this.err = new Output(process.getErrorStream());
        }

        static Served start(String command, String ready) throws IOException {
            Process p = new ProcessBuilder("bash", "-c", command).directory(ROOT.toFile()).start();
            synchronized (RUNNING) {
                RUNNING.add(p);
            }
            return new Served(command, p, ready);
        }

        String awaitReady(long ms) throws InterruptedException {
            long end = System.currentTimeMillis() + ms;
            while (System.currentTimeMillis() < end) {
                if ((out.text() + err.text()).contains(ready)) {
                    return null;
                }
                if (!process.isAlive()) {
                    Thread.sleep(100);
                    return "ended (exit " + process.exitValue() + ") before \"" + ready + "\"\n" + indent(tail(out.text() + err.text(), 20));
                }
                Thread.sleep(20);
            }
            return "no \"" + ready + "\" within " + ms / 1000 + " s\n" + indent(tail(out.text() + err.text(), 20));
        }

        String awaitOut(String expected, long ms) throws InterruptedException {
            long end = System.currentTimeMillis() + ms;
            while (System.currentTimeMillis() < end) {
                if (out.text().contains(expected)) {
                    return null;
                }
                Thread.sleep(20);
            }
            return "`" + command + "` did not print " + quote(expected) + " within " + ms / 1000 + " s; it printed "
                    + quote(tail(out.text(), 10)) + (err.text().isEmpty() ? "" : "\n" + indent(tail(err.text(), 10)));
        }

        String awaitStart(String expected, long ms) throws InterruptedException {
            long end = System.currentTimeMillis() + ms;
            while (System.currentTimeMillis() < end && out.text().length() < expected.length()) {
                Thread.sleep(20);
            }
            return out.text().startsWith(expected) ? null : "`" + command + "` did not begin with " + quote(expected) + "; it printed "
                    + quote(tail(out.text(), 10));
        }

        void type(String text) throws IOException {
            OutputStream in = process.getOutputStream();
            in.write(text.getBytes(StandardCharsets.UTF_8));
            in.flush();
        }

        void drained() throws InterruptedException {
            out.reader.join(5000);
            err.reader.join(5000);
        }

        void stop() {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static void stopAll() {
        synchronized (RUNNING) {
            for (Process p : RUNNING) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
        }
    }

    /** A stream read on its own thread into a buffer. */
    static final class Output {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final Thread reader;

        Output(InputStream in) {
            reader = new Thread(() -> {
                byte[] buf = new byte[8192];
                try {
                    int n;
                    while ((n = in.read(buf)) > 0) {
                        synchronized (bytes) {
                            bytes.write(buf, 0, n);
                        }
                    }
                } catch (IOException ended) {
                    // the process ended
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        String text() {
            synchronized (bytes) {
                return bytes.toString(StandardCharsets.UTF_8);
            }
        }
    }

    // ---------------------------------------------------------------- transcripts

    /** Every shown line must come out, in order; figures of speed are matched as any figure. */
    static String matchTranscript(List<String> expected, String actual) {
        String[] lines = actual.split("\n", -1);
        int at = 0;
        for (String e : expected) {
            Pattern p = Pattern.compile(Pattern.quote(e)
                    .replaceAll(" in [0-9.]+ s \\(([0-9]+)x\\)", Matcher.quoteReplacement("\\E in [0-9.]+ s \\([0-9]+x\\)\\Q"))
                    .replaceAll("in [0-9.]+ s\\)", Matcher.quoteReplacement("\\Ein [0-9.]+ s\\)\\Q")));
            while (at < lines.length && !p.matcher(lines[at]).matches()) {
                at++;
            }
            if (at == lines.length) {
                return "the README shows the line " + quote(e) + " but the command did not print it (in that order); it printed:\n"
                        + indent(tail(actual, 40));
            }
            at++;
        }
        return null;
    }

    // ---------------------------------------------------------------- reading the README

    record Command(String text, int line, List<String> expected) {
    }

    /** A fenced block of the README with the commands it shows. */
    static final class Block {
        final int line;
        final List<Command> commands = new ArrayList<>();

        Block(int line) {
            this.line = line;
        }

        static List<Block> read(Path readme) throws IOException {
            List<String> lines = Files.readAllLines(readme);
            List<Block> blocks = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                String fence = lines.get(i);
                if (!fence.startsWith("```")) {
                    continue;
                }
                String lang = fence.substring(3).trim();
                Block b = new Block(i + 1);
                int j = i + 1;
                for (; j < lines.size() && !lines.get(j).startsWith("```"); j++) {
                    String l = lines.get(j);
                    if (lang.equals("sh")) {
                        String cmd = l.replaceAll("\\s+#\\s.*$", "").replaceAll("^#.*$", "").trim();
                        if (!cmd.isEmpty()) {
                            b.commands.add(new Command(cmd, j + 1, List.of()));
                        }
                    } else if (lang.isEmpty() && l.startsWith("$ ")) {
                        List<String> shown = new ArrayList<>();
                        int k = j + 1;
                        for (; k < lines.size() && !lines.get(k).startsWith("```") && !lines.get(k).startsWith("$ "); k++) {
                            shown.add(lines.get(k));
                        }
                        b.commands.add(new Command(l.substring(2).trim(), j + 1, shown));
                    }
                }
                blocks.add(b);
                i = j;
            }
            return blocks;
        }
    }

    // ---------------------------------------------------------------- plans

    interface OutputCheck {
        String check(String output) throws Exception;
    }

    interface Setup {
        void setup(BlockRun run) throws Exception;
    }

    interface Check {
        String check(BlockRun run) throws Exception;
    }

    /** Helpers a block needs before its commands run (a pty for a board), and what its commands did together. */
    record BlockCheck(Setup setup, Check check) {
        static BlockCheck of(Check check) {
            return new BlockCheck(run -> { }, check);
        }

        static BlockCheck after(Setup setup, Check check) {
            return new BlockCheck(setup, check);
        }
    }

    /** How one README command is run: as written or as {@code as}; to its end, or served until {@code ready} shows. */
    static final class Plan {
        String as;
        String ready;
        String skip;
        OutputCheck then;

        static Plan run() {
            return new Plan();
        }

        static Plan run(String as) {
            Plan p = new Plan();
            p.as = as;
            return p;
        }

        static Plan serve(String as, String ready) {
            Plan p = new Plan();
            p.as = as;
            p.ready = ready;
            return p;
        }

        static Plan skip(String why) {
            Plan p = new Plan();
            p.skip = why;
            return p;
        }

        Plan then(OutputCheck check) {
            this.then = check;
            return this;
        }
    }

    // ---------------------------------------------------------------- small helpers

    static String expand(String command) {
        String s = command;
        for (Map.Entry<String, String> v : VARS.entrySet()) {
            s = s.replace(v.getKey(), v.getValue());
        }
        return s;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    static String readLine(InputStream in, int timeoutMs) throws IOException {
        StringBuilder b = new StringBuilder();
        long end = System.currentTimeMillis() + timeoutMs;
        while (System.currentTimeMillis() < end) {
            if (in.available() == 0) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
                continue;
            }
            int c = in.read();
            if (c < 0 || c == '\n') {
                break;
            }
            b.append((char) c);
        }
        return b.toString();
    }

    static String tail(String s, int lines) {
        String[] l = s.split("\n");
        return String.join("\n", java.util.Arrays.asList(l).subList(Math.max(0, l.length - lines), l.length));
    }

    static String indent(String s) {
        return s.isEmpty() ? "" : "        " + s.replace("\n", "\n        ");
    }

    static String quote(String s) {
        return "\"" + s.replace("\n", "\\n").replace("\t", "\\t") + "\"";
    }

    /**
     * The README's "Test your scripts from JUnit 5" section as a user would take it: the artifact its dependency block
     * names is the one the build made, and its imports, its code block and its inline ScenarioRunner line, put in one
     * class, compile against that jar (with the API and JUnit) and run from the project folder without an error.
     */
    static final class JUnitSection {
        static String check(String readme) throws Exception {
            Matcher dep = Pattern.compile("<artifactId>(espdesk-[a-z0-9]+)</artifactId>\\s*<version>([^<]+)</version>").matcher(readme);
            if (!dep.find()) {
                return "no dependency block naming an espdesk artifact";
            }
            Path jar = ROOT.resolve("plugins/" + dep.group(1).substring("espdesk-".length()) + "/target/" + dep.group(1) + "-" + dep.group(2) + ".jar");
            if (!Files.isRegularFile(jar)) {
                return "the dependency block names " + dep.group(1) + " " + dep.group(2) + ", but the build made no " + ROOT.relativize(jar);
            }
            StringBuilder imports = new StringBuilder("import java.nio.file.Path;\nimport java.time.Duration;\n"
                    + "import static org.junit.jupiter.api.Assertions.*;\n"); // what a test class has anyway
            StringBuilder code = new StringBuilder();
            Matcher block = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
            while (block.find()) {
                for (String line : block.group(1).split("\n")) {
                    (line.startsWith("import ") ? imports : code).append(line).append('\n');
                }
            }
            Matcher inline = Pattern.compile("`(ScenarioRunner\\.assertHolds\\([^`]*\\);)`").matcher(readme);
            if (inline.find()) {
                code.append(inline.group(1)).append('\n');
            }
            Path dir = Files.createDirectories(TMP.resolve("junit-snippet"));
            Files.writeString(dir.resolve("ReadmeSnippet.java"), imports + "\npublic class ReadmeSnippet {\n"
                    + "    public static void main(String[] args) throws Exception {\n" + code + "    }\n}\n");
            String m2 = System.getProperty("user.home") + "/.m2/repository/";
            String cp = String.join(java.io.File.pathSeparator, jar.toString(),
                    ROOT.resolve("plugins/api/target/espdesk-api-" + dep.group(2) + ".jar").toString(),
                    junit(m2, "org/junit/jupiter/junit-jupiter-api", "junit-jupiter-api", false),
                    junit(m2, "org/junit/platform/junit-platform-commons", "junit-platform-commons", true),
                    newest(m2 + "org/opentest4j/opentest4j", "opentest4j"),
                    newest(m2 + "org/apiguardian/apiguardian-api", "apiguardian-api"));
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int rc = javax.tools.ToolProvider.getSystemJavaCompiler().run(null, err, err, "-d", dir.toString(), "-cp", cp,
                    dir.resolve("ReadmeSnippet.java").toString());
            if (rc != 0) {
                return "does not compile:\n" + indent(tail(err.toString(StandardCharsets.UTF_8), 20));
            }
            Served run = Served.start("java -cp '" + dir + java.io.File.pathSeparator + cp + "' ReadmeSnippet", null);
            if (!run.process.waitFor(2, TimeUnit.MINUTES)) {
                run.stop();
                return "its code did not finish within 2 minutes";
            }
            run.drained();
            return run.process.exitValue() == 0 ? null : "its code failed:\n" + indent(tail(run.out.text() + run.err.text(), 20));
        }

        /** A JUnit jar of the version the project's pom names (the platform's is 1.x for Jupiter's 5.x). */
        static String junit(String m2, String folder, String artifact, boolean platform) throws IOException {
            Matcher v = Pattern.compile("<junit.version>5\\.([^<]+)</junit.version>").matcher(Files.readString(ROOT.resolve("pom.xml")));
            if (!v.find()) {
                throw new IOException("pom.xml names no junit.version");
            }
            String version = (platform ? "1." : "5.") + v.group(1);
            return m2 + folder + "/" + version + "/" + artifact + "-" + version + ".jar";
        }

        /** The jar of an artifact's highest version (by name) in the local repository, which mvn verify has filled. */
        static String newest(String folder, String artifact) throws IOException {
            try (var versions = Files.list(Path.of(folder))) {
                Path v = versions.filter(p -> Files.isRegularFile(p.resolve(artifact + "-" + p.getFileName() + ".jar")))
                        .max(java.util.Comparator.comparing(p -> p.getFileName().toString())).orElseThrow(
                                () -> new IOException("no " + artifact + " in " + folder));
                return v.resolve(artifact + "-" + v.getFileName() + ".jar").toString();
            }
        }
    }
}
