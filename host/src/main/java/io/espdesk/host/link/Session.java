package io.espdesk.host.link;

import io.espdesk.api.Channel;
import io.espdesk.api.ChannelAddress;
import io.espdesk.api.ChannelListener;
import io.espdesk.api.ChannelProvider;
import io.espdesk.host.conf.LinkSpec;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Two open channels relaying to each other. Each side's deliveries are written straight into the other side:
 * a slow writer blocks the reader that feeds it, which is the back-pressure. The first end (either side closing,
 * a write failing, the link stopping) closes both.
 */
final class Session {
    private final ChannelProvider pa;
    private final ChannelProvider pb;
    private final Channel ca;
    private final Channel cb;
    private final LinkSpec spec;
    private final Consumer<String> lines;
    private final AtomicLong aToB;
    private final AtomicLong bToA;
    private final Set<String> finalSchemes;
    private final AtomicLong dropped;
    private final CountDownLatch ended = new CountDownLatch(1);
    private final AtomicBoolean ending = new AtomicBoolean();
    /** Set once both channels have quiesced: from then on deliveries go nowhere. */
    private volatile boolean closing;
    private volatile String reason = "";
    private volatile boolean forGood;

    private Session(LinkSpec spec, ChannelProvider pa, Channel ca, ChannelProvider pb, Channel cb, Consumer<String> lines,
                    AtomicLong aToB, AtomicLong bToA, AtomicLong dropped, Set<String> finalSchemes) {
        this.spec = spec;
        this.pa = pa;
        this.ca = ca;
        this.pb = pb;
        this.cb = cb;
        this.lines = lines;
        this.aToB = aToB;
        this.bToA = bToA;
        this.dropped = dropped;
        this.finalSchemes = finalSchemes;
    }

    static Session open(LinkSpec spec, ChannelProvider pa, ChannelProvider pb, Consumer<String> lines,
                        AtomicLong aToB, AtomicLong bToA, AtomicLong dropped, Set<String> finalSchemes) throws IOException {
        Channel ca = pa.open(spec.a());
        Channel cb;
        try {
            cb = pb.open(spec.b());
        } catch (IOException | RuntimeException e) {
            ca.close();
            throw e;
        }
        return new Session(spec, pa, ca, pb, cb, lines, aToB, bToA, dropped, finalSchemes);
    }

    void start() {
        ca.start(new Relay(spec.a(), cb, aToB));
        cb.start(new Relay(spec.b(), ca, bToA));
    }

    boolean uses(ChannelProvider p) {
        return p == pa || p == pb;
    }

    String awaitEnd() throws InterruptedException {
        ended.await();
        return reason;
    }

    boolean endedForGood() {
        return forGood;
    }

    /**
     * Ends the session without losing what is in flight: both channels stop taking input and finish the delivery in
     * hand (which still reaches the other channel), then both close.
     */
    void end(String why, boolean finalEnd) {
        if (!ending.compareAndSet(false, true)) {
            return;
        }
        reason = why;
        forGood = finalEnd;
        ca.quiesce();
        cb.quiesce();
        closing = true;
        ca.close();
        cb.close();
        ended.countDown();
    }

    /** Delivers one side's data into the other. */
    private final class Relay implements ChannelListener {
        private final ChannelAddress from;
        private final Channel to;
        private final AtomicLong counter;

        Relay(ChannelAddress from, Channel to, AtomicLong counter) {
            this.from = from;
            this.to = to;
            this.counter = counter;
        }

        @Override
        public boolean onData(byte[] data, int offset, int length) {
            if (closing) {
                return false;
            }
            try {
                to.write(data, offset, length);
                counter.addAndGet(length);
                // a write that outlasted the link's wait for it (a port held up by flow control) may have been cut
                // short by the close: not acknowledged, so a resuming peer sends it again rather than losing it
                return !closing;
            } catch (IOException | RuntimeException e) {
                end("write failed: " + e.getMessage(), false);
                return false;
            }
        }

        @Override
        public void onDropped(long bytes) {
            dropped.addAndGet(bytes);
        }

        @Override
        public void onClosed(String why) {
            end(from + ": " + why, finalSchemes.contains(from.scheme()));
        }

        @Override
        public void onStatus(String message) {
            lines.accept(from + ": " + message);
        }
    }
}
