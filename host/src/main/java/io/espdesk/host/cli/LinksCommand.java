package io.espdesk.host.cli;

import io.espdesk.host.link.LinkBoard;
import io.espdesk.host.link.LinkStatus;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code espdesk links}: the links of every espdesk running from this folder, with their figures. */
@Command(name = "links", mixinStandardHelpOptions = true,
        description = {"Show the links of every espdesk running from this folder, with their figures.",
                "For each link of ./espdesk host or ./espdesk link: state, bytes each way, bytes dropped by full buffers,",
                "how often it came up, and its latest line."})
final class LinksCommand implements Callable<Integer> {
    private final CliContext ctx;

    LinksCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        List<LinkBoard.Snapshot> all = LinkBoard.read(ctx.home().resolve("run"));
        PrintStream out = ctx.out();
        if (all.isEmpty()) {
            out.println("no espdesk with links is running here (./espdesk host or ./espdesk link starts one)");
            return 0;
        }
        long now = System.currentTimeMillis();
        int width = 10; // names are addresses shortened by default: the column is as wide as the longest
        for (LinkBoard.Snapshot s : all) {
            for (LinkStatus l : s.links()) {
                width = Math.max(width, l.name().length());
            }
        }
        String head = "%-8s %-" + width + "s %-8s %-12s %10s %10s %9s %4s  %s%n";
        String row = "%-8d %-" + width + "s %-8s %-12s %10s %10s %9s %4d  %s <-> %s%n";
        out.printf(head, "PID", "LINK", "STATE", "FOR", "A->B", "B->A", "DROPPED", "UPS", "A <-> B");
        for (LinkBoard.Snapshot s : all) {
            for (LinkStatus l : s.links()) {
                out.printf(row, s.pid(), l.name(), l.state(),
                        duration(now - l.sinceMillis()), size(l.aToB()), size(l.bToA()), size(l.dropped()), l.ups(), l.a(), l.b());
                if (!l.lastLine().isEmpty()) {
                    out.println("         last: " + l.lastLine());
                }
            }
        }
        return 0;
    }

    static String size(long bytes) {
        if (bytes < 10_000) {
            return bytes + " B";
        }
        if (bytes < 10_000_000) {
            return (bytes / 1024) + " KiB";
        }
        return String.format("%.1f MiB", bytes / 1048576.0);
    }

    static String duration(long ms) {
        long s = Math.max(0, ms / 1000);
        if (s < 120) {
            return s + " s";
        }
        if (s < 7200) {
            return (s / 60) + " min";
        }
        return (s / 3600) + " h " + (s % 3600 / 60) + " min";
    }
}
