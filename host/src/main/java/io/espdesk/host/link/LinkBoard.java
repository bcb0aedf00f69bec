package io.espdesk.host.link;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Where a running espdesk shows its links to {@code espdesk links}: {@code run/links-PID.json} in the espdesk folder,
 * rewritten (atomically) when a figure changes, at most twice a second, and removed on exit. A file is the simplest
 * thing another process can read, works with any number of espdesks at once, and needs no port.
 */
public final class LinkBoard implements AutoCloseable {
    static final long PERIOD_MS = 500;
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

    /** What one process publishes. */
    public record Snapshot(long pid, String command, long updatedMillis, List<LinkStatus> links) {
    }

    private final Path file;
    private final String command;
    private final Supplier<List<LinkStatus>> links;
    private final Thread thread;
    private volatile boolean closed;
    private List<LinkStatus> last = List.of();

    /** @param command what this process runs, e.g. {@code host} */
    public LinkBoard(Path runDir, String command, Supplier<List<LinkStatus>> links) {
        this.file = runDir.resolve("links-" + ProcessHandle.current().pid() + ".json");
        this.command = command;
        this.links = links;
        this.thread = new Thread(this::run, "espdesk-link-board");
        this.thread.setDaemon(true);
    }

    public LinkBoard start() {
        thread.start();
        return this;
    }

    private void run() {
        while (!closed) {
            publish();
            try {
                Thread.sleep(PERIOD_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Writes the file if a figure changed since the last write. */
    synchronized void publish() {
        List<LinkStatus> now = links.get();
        if (now.equals(last) || closed) { // records: equal when no figure changed
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, GSON.toJson(new Snapshot(ProcessHandle.current().pid(), command, System.currentTimeMillis(), now)));
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            last = now;
        } catch (IOException e) {
            // a read-only folder: espdesk links will say nothing runs; the links themselves are unaffected
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        thread.interrupt();
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // left behind: readers skip files of processes that are gone
        }
    }

    /**
     * What the espdesks running now publish, oldest process first. Files of processes that are gone are removed;
     * unreadable ones are skipped.
     */
    public static List<Snapshot> read(Path runDir) {
        List<Snapshot> out = new ArrayList<>();
        if (!Files.isDirectory(runDir)) {
            return out;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(runDir, "links-*.json")) {
            for (Path f : files) {
                try {
                    Snapshot s = GSON.fromJson(Files.readString(f), Snapshot.class);
                    if (s == null || ProcessHandle.of(s.pid()).map(ProcessHandle::isAlive).orElse(false) == Boolean.FALSE) {
                        Files.deleteIfExists(f);
                        continue;
                    }
                    out.add(s);
                } catch (IOException | JsonParseException e) {
                    // being replaced right now, or not ours
                }
            }
        } catch (IOException e) {
            return out;
        }
        out.sort(java.util.Comparator.comparingLong(Snapshot::pid));
        return out;
    }
}
