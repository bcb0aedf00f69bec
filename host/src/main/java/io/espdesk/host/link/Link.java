package io.espdesk.host.link;

import io.espdesk.api.ChannelProvider;
import io.espdesk.host.conf.LinkSpec;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Keeps one link alive: waits until both schemes have a provider, opens both channels, relays until either
 * ends, then re-opens with capped back-off. A provider that goes away closes the session at once and the link
 * waits for the scheme again. A channel of a "final" scheme (the terminal) ends the link for good when it ends.
 */
public final class Link implements SchemeRegistry.Listener {
    /** Where the link stands. */
    public enum State { WAITING, OPENING, UP, DONE }

    private static final long MIN_BACKOFF_MS = 100;
    private static final long MAX_BACKOFF_MS = 5_000;

    private final LinkSpec spec;
    private final SchemeRegistry registry;
    private final Consumer<String> lines;
    private final Set<String> finalSchemes;
    private final AtomicLong bytesAtoB = new AtomicLong();
    private final AtomicLong bytesBtoA = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong ups = new AtomicLong();
    private volatile long sinceMillis = System.currentTimeMillis();
    private volatile String lastLine = "";
    private final Thread thread;
    private volatile State state = State.WAITING;
    private volatile Session session;
    private volatile boolean stopped;

    /**
     * @param lines        receives one line per state change, already prefixed with the link's name
     * @param finalSchemes schemes whose end ends the link (e.g. {@code stdio})
     */
    public Link(LinkSpec spec, SchemeRegistry registry, Consumer<String> lines, Set<String> finalSchemes) {
        this.spec = spec;
        this.registry = registry;
        this.lines = line -> {
            lastLine = line;
            lines.accept("link " + spec.name() + ": " + line);
        };
        this.finalSchemes = finalSchemes;
        this.thread = new Thread(this::supervise, "espdesk-link-" + spec.name());
        this.thread.setDaemon(true);
    }

    public void start() {
        registry.addListener(this);
        thread.start();
    }

    public LinkSpec spec() {
        return spec;
    }

    public State state() {
        return state;
    }

    public long bytesAtoB() {
        return bytesAtoB.get();
    }

    public long bytesBtoA() {
        return bytesBtoA.get();
    }

    /** Where the link stands and what it has carried, for {@code espdesk links}. */
    public LinkStatus status() {
        return new LinkStatus(spec.name(), spec.a().toString(), spec.b().toString(), state.name(), bytesAtoB.get(), bytesBtoA.get(),
                dropped.get(), ups.get(), sinceMillis, lastLine);
    }

    private void setState(State s) {
        if (state != s) {
            state = s;
            sinceMillis = System.currentTimeMillis();
        }
    }

    /** Waits until the link has ended for good; true if it did within the timeout. */
    public boolean awaitDone(long timeout, TimeUnit unit) throws InterruptedException {
        thread.join(Math.max(1, unit.toMillis(timeout)));
        return !thread.isAlive();
    }

    /** Waits until the link is up; true if it was within the timeout. */
    public boolean awaitUp(long timeout, TimeUnit unit) throws InterruptedException {
        long end = System.nanoTime() + unit.toNanos(timeout);
        while (state != State.UP) {
            if (System.nanoTime() > end) {
                return false;
            }
            Thread.sleep(2);
        }
        return true;
    }

    public void stop() {
        stopped = true;
        registry.removeListener(this);
        Session s = session;
        if (s != null) {
            s.end("link stopped", false);
        }
        synchronized (registry) {
            registry.notifyAll();
        }
        try {
            thread.join(6_000); // the session's end finishes what is in flight (bounded)
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void providerAdded(ChannelProvider provider) {
        // the supervisor waits on the registry's monitor, which add() notifies
    }

    @Override
    public void providerRemoved(ChannelProvider provider) {
        Session s = session;
        if (s != null && s.uses(provider)) {
            s.end("the plugin for its scheme stopped", false);
        }
    }

    /** {@code waiting for a plugin for scheme 'tpc' (schemes now: …; did you mean 'tcp'?)}, naming each missing one. */
    private String waitingLine(boolean aMissing, boolean bMissing) {
        java.util.Set<String> missing = new java.util.LinkedHashSet<>();
        if (aMissing) {
            missing.add(spec.a().scheme());
        }
        if (bMissing) {
            missing.add(spec.b().scheme());
        }
        java.util.Set<String> known = registry.all().keySet();
        StringBuilder sb = new StringBuilder(missing.size() > 1 ? "waiting for plugins for scheme" : "waiting for a plugin for scheme");
        String sep = missing.size() > 1 ? "s " : " ";
        for (String m : missing) {
            sb.append(sep).append('\'').append(m).append('\'');
            sep = " and ";
        }
        return sb.append(' ').append(SchemeHint.of(missing, known)).toString();
    }

    private void supervise() {
        long backoff = MIN_BACKOFF_MS;
        try {
            while (!stopped) {
                ChannelProvider pa;
                ChannelProvider pb;
                boolean said = false;
                synchronized (registry) {
                    while (true) {
                        pa = registry.find(spec.a().scheme());
                        pb = registry.find(spec.b().scheme());
                        if (stopped || (pa != null && pb != null)) {
                            break;
                        }
                        if (!said) {
                            setState(State.WAITING);
                            lines.accept(waitingLine(pa == null, pb == null));
                            said = true;
                        }
                        registry.wait();
                    }
                }
                if (stopped) {
                    break;
                }
                setState(State.OPENING);
                try {
                    pa.validate(spec.a());
                    pb.validate(spec.b());
                } catch (IllegalArgumentException e) {
                    lines.accept("bad address: " + e.getMessage() + "; link stopped");
                    break;
                }
                Session s;
                try {
                    s = Session.open(spec, pa, pb, this::onSessionStatus, bytesAtoB, bytesBtoA, dropped, finalSchemes);
                } catch (IOException | RuntimeException e) {
                    lines.accept("cannot open: " + e.getMessage() + "; retrying in " + backoff + " ms");
                    Thread.sleep(backoff);
                    backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
                    continue;
                }
                session = s;
                ups.incrementAndGet();
                setState(State.UP);
                lines.accept("up: " + spec.a() + " <-> " + spec.b());
                long t0 = System.nanoTime();
                s.start();
                String why = s.awaitEnd();
                session = null;
                if (stopped) {
                    break;
                }
                lines.accept("down: " + why);
                if (s.endedForGood()) {
                    break;
                }
                setState(State.OPENING);
                backoff = System.nanoTime() - t0 > TimeUnit.MILLISECONDS.toNanos(MAX_BACKOFF_MS)
                        ? MIN_BACKOFF_MS : Math.min(backoff * 2, MAX_BACKOFF_MS);
                Thread.sleep(backoff);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            setState(State.DONE);
            registry.removeListener(this);
        }
    }

    private void onSessionStatus(String line) {
        lines.accept(line);
    }
}
