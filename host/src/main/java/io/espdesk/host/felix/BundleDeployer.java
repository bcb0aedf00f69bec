package io.espdesk.host.felix;

import io.espdesk.host.link.SchemeRegistry;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipException;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * Hot deploy of a folder of plugin jars: a jar that appears is installed and started, one that changes is updated,
 * one that disappears is uninstalled.
 *
 * <p>Why not Felix FileInstall: it polls (a jar became active 0.31-0.40 s after the copy at a 200 ms poll) and says
 * nothing about a corrupt or non-bundle jar. The JDK's WatchService is inotify-backed on Linux, so this sees a copy
 * within milliseconds; a jar is deployed once it has stayed unchanged for {@code settleMillis}.
 *
 * <p>Every bundle operation runs on a worker thread, serialized per file, so a plugin whose start blocks holds back
 * nothing but itself. Every outcome is one line to {@link PluginEvents}.
 */
final class BundleDeployer implements AutoCloseable {
    private static final long SLOW_START_MS = 2_000;

    /** One jar of the folder and what became of it. */
    private static final class Deployed {
        final Path file;
        volatile Bundle bundle;
        volatile long stamp = -1;
        volatile String failure;
        volatile boolean waitingForImport;
        CompletableFuture<Void> queue = CompletableFuture.completedFuture(null);

        Deployed(Path file) {
            this.file = file;
        }
    }

    private final BundleContext context;
    private final Path dir;
    private final long settleMillis;
    private final PluginEvents events;
    private final SchemeRegistry registry;
    private final Map<Path, Deployed> deployed = new ConcurrentHashMap<>();
    private final Map<Path, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer;
    private final ExecutorService workers;
    private final WatchService watch;
    private final Thread watcher;
    private volatile boolean closed;

    BundleDeployer(BundleContext context, Path dir, long settleMillis, PluginEvents events, SchemeRegistry registry) throws IOException {
        this.context = context;
        this.dir = dir.toAbsolutePath().normalize();
        this.settleMillis = settleMillis;
        this.events = events;
        this.registry = registry;
        Files.createDirectories(this.dir);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "espdesk-deploy-timer"));
        this.workers = Executors.newCachedThreadPool(r -> daemon(r, "espdesk-plugin-start"));
        this.watch = this.dir.getFileSystem().newWatchService();
        this.dir.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                StandardWatchEventKinds.ENTRY_DELETE);
        this.watcher = new Thread(this::watchLoop, "espdesk-deploy-watch");
        this.watcher.setDaemon(true);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Deploys what the folder holds now (all installed before any starts, so they can wire to each other), then watches. */
    void start() {
        List<Deployed> fresh = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.jar")) {
            for (Path p : ds) {
                Deployed d = deployed.computeIfAbsent(p.toAbsolutePath().normalize(), Deployed::new);
                if (installOrUpdate(d, false)) {
                    fresh.add(d);
                }
            }
        } catch (IOException e) {
            events.line("plugin failed: " + dir + ": cannot list the folder: " + e.getMessage());
        }
        resolve(fresh);
        for (Deployed d : fresh) {
            enqueue(d, () -> startBundle(d, "started"));
        }
        watcher.start();
    }

    /** Waits until no deployment work is queued or running. */
    void awaitIdle(long timeoutMillis) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < end) {
            boolean busy = !pending.isEmpty();
            for (Deployed d : deployed.values()) {
                synchronized (d) {
                    busy |= !d.queue.isDone();
                }
            }
            if (!busy) {
                return;
            }
            Thread.sleep(10);
        }
    }

    List<PluginInfo> plugins() {
        List<PluginInfo> out = new ArrayList<>();
        for (Deployed d : deployed.values()) {
            Bundle b = d.bundle;
            String state = d.failure != null ? "failed" : b == null ? "absent" : stateName(b.getState());
            out.add(new PluginInfo(d.file.getFileName().toString(), b == null ? null : b.getSymbolicName(),
                    b == null ? null : b.getVersion().toString(), state,
                    b == null ? List.of() : registry.schemesOf(b.getSymbolicName()), d.failure));
        }
        out.sort((x, y) -> x.file().compareTo(y.file()));
        return out;
    }

    private static String stateName(int s) {
        switch (s) {
            case Bundle.ACTIVE: return "active";
            case Bundle.STARTING: return "starting";
            case Bundle.RESOLVED: return "resolved";
            case Bundle.INSTALLED: return "installed";
            case Bundle.STOPPING: return "stopping";
            default: return "uninstalled";
        }
    }

    private void watchLoop() {
        while (!closed) {
            WatchKey key;
            try {
                key = watch.take();
            } catch (InterruptedException | ClosedWatchServiceException e) {
                return;
            }
            for (WatchEvent<?> ev : key.pollEvents()) {
                if (ev.kind() == StandardWatchEventKinds.OVERFLOW) {
                    rescan();
                    continue;
                }
                Path name = (Path) ev.context();
                if (name.toString().endsWith(".jar")) {
                    schedule(dir.resolve(name).normalize());
                }
            }
            if (!key.reset()) {
                events.line("plugin failed: " + dir + ": the bundles folder went away; hot deploy stopped");
                return;
            }
        }
    }

    private void rescan() {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.jar")) {
            for (Path p : ds) {
                schedule(p.toAbsolutePath().normalize());
            }
        } catch (IOException ignored) {
            // the next event retries
        }
        deployed.keySet().forEach(this::schedule);
    }

    /** (Re)starts the settle timer of a file: it is looked at once it stops changing. */
    private void schedule(Path file) {
        if (closed) {
            return;
        }
        ScheduledFuture<?> prev = pending.put(file, timer.schedule(() -> settled(file), settleMillis, TimeUnit.MILLISECONDS));
        if (prev != null) {
            prev.cancel(false);
        }
    }

    private void settled(Path file) {
        pending.remove(file);
        Deployed d = deployed.computeIfAbsent(file, Deployed::new);
        if (!Files.exists(file)) {
            deployed.remove(file);
            enqueue(d, () -> uninstall(d));
            return;
        }
        long stamp = stampOf(file);
        if (stamp == d.stamp) {
            return; // touched but unchanged
        }
        boolean update = d.bundle != null;
        if (installOrUpdate(d, update)) {
            if (!update) {
                resolve(List.of(d));
            }
            enqueue(d, () -> startBundle(d, update ? "updated" : "started"));
        }
    }

    private static long stampOf(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return a.lastModifiedTime().toMillis() * 31 + a.size();
        } catch (IOException e) {
            return -2;
        }
    }

    /** Checks the jar and installs or updates it; false (with a line) when it cannot be deployed. */
    private boolean installOrUpdate(Deployed d, boolean update) {
        String name = d.file.getFileName().toString();
        d.stamp = stampOf(d.file);
        byte[] bytes;
        String bsn;
        try (JarFile jar = new JarFile(d.file.toFile())) {
            Manifest mf = jar.getManifest();
            Attributes main = mf == null ? null : mf.getMainAttributes();
            bsn = main == null ? null : main.getValue("Bundle-SymbolicName");
            if (bsn == null) {
                return fail(d, "not an OSGi bundle (its manifest has no Bundle-SymbolicName)");
            }
            bytes = Files.readAllBytes(d.file);
        } catch (ZipException e) {
            return fail(d, "not a valid jar (" + e.getMessage() + ")");
        } catch (IOException | SecurityException e) {
            return fail(d, "cannot read (" + e.getMessage() + ")");
        }
        try {
            if (update) {
                Bundle b = d.bundle;
                synchronized (d) {
                    d.queue = d.queue.thenRunAsync(() -> updateBundle(d, bytes), workers);
                }
                return b != null;
            }
            d.bundle = context.installBundle(d.file.toUri().toString(), new java.io.ByteArrayInputStream(bytes));
            d.failure = null;
            return true;
        } catch (BundleException | RuntimeException e) {
            return fail(d, FailureReasons.of(e));
        }
    }

    private void updateBundle(Deployed d, byte[] bytes) {
        try {
            d.bundle.update(new java.io.ByteArrayInputStream(bytes));
            refresh();
        } catch (BundleException | RuntimeException e) {
            fail(d, FailureReasons.of(e));
        }
    }

    private boolean fail(Deployed d, String reason) {
        d.failure = reason;
        events.line("plugin failed: " + d.file.getFileName() + ": " + reason);
        return false;
    }

    private void enqueue(Deployed d, Runnable op) {
        synchronized (d) {
            d.queue = d.queue.thenRunAsync(op, workers);
        }
    }

    /**
     * Resolves new bundles here, on a thread that holds no bundle lock. Felix refuses ("Unable to acquire global lock
     * for resolve") when a thread that is starting one bundle must resolve while another thread resolves; resolving
     * first leaves the concurrent starts nothing to resolve.
     */
    private void resolve(List<Deployed> ds) {
        List<Bundle> bs = new ArrayList<>();
        for (Deployed d : ds) {
            if (d.bundle != null) {
                bs.add(d.bundle);
            }
        }
        if (!bs.isEmpty()) {
            context.getBundle(0).adapt(FrameworkWiring.class).resolveBundles(bs); // false for a missing import: start says which
        }
    }

    private static boolean globalLockRefused(BundleException e) {
        return String.valueOf(e.getMessage()).contains("Unable to acquire global lock");
    }

    private void startBundle(Deployed d, String verb) {
        Bundle b = d.bundle;
        if (b == null || closed) {
            return;
        }
        ScheduledFuture<?> slow = timer.schedule(() -> events.line("plugin slow: " + d.file.getFileName()
                + ": its start has not returned after " + SLOW_START_MS / 1000 + " s; the other plugins go on"),
                SLOW_START_MS, TimeUnit.MILLISECONDS);
        try {
            for (int attempt = 0; ; attempt++) {
                try {
                    b.start();
                    break;
                } catch (BundleException e) {
                    if (!globalLockRefused(e) || attempt >= 50) {
                        throw e;
                    }
                    Thread.sleep(20); // another thread is resolving: try again shortly
                }
            }
            d.failure = null;
            d.waitingForImport = false;
            events.line("plugin " + verb + ": " + b.getSymbolicName() + " " + b.getVersion() + schemes(b));
            retryWaiting(d);
        } catch (BundleException e) {
            d.waitingForImport = FailureReasons.missingPackage(e) != null;
            fail(d, FailureReasons.of(e));
        } catch (IllegalStateException e) {
            // uninstalled while we were starting it: the stop line says what happened
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the host is closing
        } finally {
            slow.cancel(false);
        }
    }

    private String schemes(Bundle b) {
        List<String> s = registry.schemesOf(b.getSymbolicName());
        return " (schemes: " + (s.isEmpty() ? "none" : String.join(", ", s)) + ")";
    }

    /** A bundle that waited for a package may resolve now that another one arrived. */
    private void retryWaiting(Deployed except) {
        for (Deployed w : deployed.values()) {
            if (w != except && w.waitingForImport && w.bundle != null) {
                enqueue(w, () -> {
                    if (w.waitingForImport) {
                        startQuietly(w);
                    }
                });
            }
        }
    }

    private void startQuietly(Deployed w) {
        try {
            w.bundle.start();
            w.waitingForImport = false;
            w.failure = null;
            events.line("plugin started: " + w.bundle.getSymbolicName() + " " + w.bundle.getVersion() + schemes(w.bundle));
        } catch (BundleException | IllegalStateException e) {
            // still missing: its failure line was said once already
        }
    }

    private void uninstall(Deployed d) {
        Bundle b = d.bundle;
        if (b == null) {
            return;
        }
        String what = b.getSymbolicName() + " " + b.getVersion();
        boolean wasActive = b.getState() == Bundle.ACTIVE;
        try {
            b.uninstall();
            refresh();
        } catch (BundleException | IllegalStateException e) {
            events.line("plugin failed: " + d.file.getFileName() + ": cannot uninstall: " + FailureReasons.of(e));
            return;
        }
        d.bundle = null;
        if (wasActive || d.failure == null) {
            events.line("plugin stopped: " + what);
        }
    }

    private void refresh() {
        FrameworkWiring fw = context.getBundle(0).adapt(FrameworkWiring.class);
        fw.refreshBundles(null);
    }

    @Override
    public void close() {
        closed = true;
        try {
            watch.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        watcher.interrupt();
        timer.shutdownNow();
        workers.shutdownNow(); // interrupts an activator that blocks, so the framework can stop
    }
}
