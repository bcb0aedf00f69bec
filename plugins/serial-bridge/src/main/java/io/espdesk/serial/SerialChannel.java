package io.espdesk.serial;

import com.fazecast.jSerialComm.SerialPort;
import io.espdesk.api.Channel;
import io.espdesk.api.ChannelListener;
import io.espdesk.channelkit.StoreAndForward;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * A serial port as a channel that stays up across unplugging: when the device goes away the port is closed at once
 * (one line), the path is watched quietly every {@link #POLL_MS} ms, and the port is reopened when it returns (one
 * line). Writes wait while it is away (back-pressure). One reader thread; no event callbacks, so the flood of
 * disconnect events a vanished pseudo-terminal produces never happens.
 */
final class SerialChannel implements Channel {
    static final long POLL_MS = 200;
    /** jSerialComm copies the whole array natively on each write: keep each call small. */
    static final int WRITE_CHUNK = 64 * 1024;
    /** Read up to this much at once: what has already arrived is taken in one go (see {@link #more}). */
    static final int READ_BATCH = 64 * 1024;
    /** How long ending a link waits for a read being delivered or a write under way to finish. */
    static final long FINISH_MS = 2_000;

    private final SerialOptions options;
    private final Consumer<Channel> onClose;
    private final java.util.function.Predicate<String> heldElsewhere;
    private final Object lock = new Object();
    /** Held while a write is under way, so that closing lets it finish instead of cutting it in the middle. */
    private final ReentrantLock sending = new ReentrantLock();
    private final byte[] chunk = new byte[WRITE_CHUNK]; // guarded by sending
    private volatile SerialPort port;
    /** The port's descriptor, where it could be told apart from others on the same device (Linux), else -1. */
    private volatile int portFd = -1;
    private volatile boolean closed;
    private volatile boolean quiesced;
    private volatile Thread reader;
    private volatile ChannelListener listener;
    private final StoreAndForward forward;

    /** @param heldElsewhere whether another channel of this plugin has a device path open now */
    SerialChannel(SerialOptions options, Consumer<Channel> onClose, java.util.function.Predicate<String> heldElsewhere) {
        this.options = options;
        this.onClose = onClose;
        this.heldElsewhere = heldElsewhere;
        this.forward = new StoreAndForward(options.bufferBytes(), new ToDevice(), this::status, this::dropped,
                options.path() + ": ", "keeping what arrives (up to %d bytes) until the device is back", "while the device was away");
    }

    @Override
    public void start(ChannelListener l) {
        this.listener = l;
        Thread t = new Thread(this::run, "espdesk-serial " + options.path());
        t.setDaemon(true);
        reader = t;
        t.start();
    }

    /** Opens the port now, or returns a reason it cannot be opened. */
    String tryOpen() {
        if (options.path().startsWith("/") && !Files.exists(Path.of(options.path()))) {
            return "no such device";
        }
        String name = options.path();
        for (int attempt = 0; ; attempt++) {
            SerialPort p = SerialPort.getCommPort(name);
            p.setComPortParameters(options.baud(), options.dataBits(), options.stopBits(), options.parity());
            p.setFlowControl(options.flow());
            p.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, 100, 0);
            Set<Integer> before = Descriptors.openOn(options.path());
            if (p.openPort()) {
                Set<Integer> mine = Descriptors.openOn(options.path());
                mine.removeAll(before);
                synchronized (lock) {
                    portFd = mine.size() == 1 ? mine.iterator().next() : -1;
                    port = p;
                    lock.notifyAll();
                }
                if (closed && port == p) {
                    lost(p); // closed while this was opening: close() did not see it, so it would stay open for good
                }
                return null;
            }
            int err = p.getLastErrorCode();
            if (err != 2 || heldElsewhere.test(options.path()) || attempt > 0 || alias(name) == null) {
                return why(err);
            }
            // jSerialComm keeps a registry of open ports by real path; an entry left marked open with no link of ours
            // holding the device (a port leaked by earlier code, or its descriptor closed under it) would refuse every
            // later open of that name. Open it under another name for the same file; flock still keeps other programs out.
            name = alias(name);
        }
    }

    /**
     * The same device under another name: {@code /dev/ttyUSB0} as {@code /dev/./ttyUSB0}, from the real path (jSerialComm
     * resolves a symbolic link to it before looking in its registry); null where paths do not work so.
     */
    static String alias(String path) {
        String real = path;
        try {
            real = Path.of(path).toRealPath().toString();
        } catch (java.io.IOException | RuntimeException e) {
            // not a file path (COM3): no alias
        }
        int slash = real.lastIndexOf('/');
        return slash < 0 ? null : real.substring(0, slash) + "/." + real.substring(slash);
    }

    /** Whether this channel has {@code path} open now. */
    boolean holds(String path) {
        return port != null && options.path().equals(path);
    }

    /** jSerialComm's error code after a failed open, as a user reads it. */
    static String why(int err) {
        return switch (err) {
            case 2 -> "already open in this espdesk (another link uses it)"; // jSerialComm's own registry, not errno
            case 11, 16 -> "in use by another program"; // flock refused (EWOULDBLOCK), or EBUSY
            case 13 -> "permission denied (on Linux: add yourself to the dialout group)";
            case 5 -> "input/output error (the device is not ready, or going away)";
            default -> "cannot be opened (error " + err + ")";
        };
    }

    private void run() {
        String lastWhy = null;
        byte[] buf = new byte[READ_BATCH];
        while (!closed && !quiesced) {
            SerialPort p = port;
            if (p == null) {
                String why = tryOpen();
                if (why == null) {
                    status(lastWhy == null ? "opened " + options.path() : "reopened " + options.path());
                    lastWhy = null;
                    forward.backNow();
                    continue;
                }
                if (!why.equals(lastWhy)) {
                    status(options.path() + ": " + why + "; waiting for it");
                    lastWhy = why;
                }
                sleep(POLL_MS);
                continue;
            }
            int n = p.readBytes(buf, buf.length);
            if (n > 0) {
                n = more(p, buf, n);
                listener.onData(buf, 0, n);
            } else if (n < 0 || !p.isOpen() || !stillThere()) {
                lost(p);
                lastWhy = "gone";
                status(options.path() + ": the device went away; closed it, reopening when it returns");
            }
        }
    }

    /**
     * Adds to a read what has arrived meanwhile, without waiting: under load one delivery (one network write, one
     * wake-up of the far side) carries tens of kilobytes instead of the 4 KiB a pseudo-terminal hands over per read,
     * and a lone byte still goes at once.
     */
    private static int more(SerialPort p, byte[] buf, int n) {
        int avail;
        while (n < buf.length && (avail = p.bytesAvailable()) > 0) {
            int r = p.readBytes(buf, Math.min(avail, buf.length - n), n);
            if (r <= 0) {
                break;
            }
            n += r;
        }
        return n;
    }

    private boolean stillThere() {
        return !options.path().startsWith("/") || Files.exists(Path.of(options.path()));
    }

    private void lost(SerialPort p) {
        synchronized (lock) {
            if (port == p) {
                port = null;
            }
        }
        p.closePort();
    }

    private void dropped(long bytes) {
        ChannelListener l = listener;
        if (l != null) {
            l.onDropped(bytes);
        }
    }

    private void status(String s) {
        ChannelListener l = listener;
        if (l != null) {
            l.onStatus(s);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes to the device; while it is away, keeps the bytes (store-and-forward) and returns. */
    @Override
    public void write(byte[] data, int offset, int length) throws IOException {
        forward.write(data, offset, length);
    }

    /**
     * Writes in small chunks; returns how much went before the device went away (the rest is kept), or, without a
     * buffer (?buffer=0), waits for the device to return instead.
     */
    private int send(byte[] data, int offset, int length) throws IOException {
        sending.lock();
        try {
            return sendChunks(data, offset, length);
        } finally {
            sending.unlock();
        }
    }

    /** The device end of the write path, behind store-and-forward: away while the device is gone. */
    private final class ToDevice implements StoreAndForward.Sink {
        @Override
        public boolean away() {
            return port == null && !closed;
        }

        @Override
        public int send(byte[] data, int offset, int length) throws IOException {
            return SerialChannel.this.send(data, offset, length);
        }
    }

    private int sendChunks(byte[] data, int offset, int length) throws IOException {
        int done = 0;
        while (done < length) {
            SerialPort p;
            synchronized (lock) {
                while ((p = port) == null) {
                    if (closed) {
                        throw new IOException("closed");
                    }
                    if (options.bufferBytes() > 0) {
                        return done;
                    }
                    try {
                        lock.wait(POLL_MS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IOException("interrupted");
                    }
                }
            }
            // through a small array: jSerialComm's JNI copies the whole array it is given on every call
            int len = Math.min(WRITE_CHUNK, length - done);
            System.arraycopy(data, offset + done, chunk, 0, len);
            int n = p.writeBytes(chunk, len, 0);
            if (n < 0) {
                lost(p); // the reader reports it
                continue;
            }
            done += n;
        }
        return done;
    }

    /** Stops reading the port; returns once what was read last has been handed to the link (bounded). */
    @Override
    public void quiesce() {
        quiesced = true;
        Thread t = reader;
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(FINISH_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        boolean acquired = false;
        try {
            // a write under way goes out whole: half of it written and none of it acknowledged would be sent twice
            acquired = !sending.isHeldByCurrentThread() && sending.tryLock(FINISH_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        SerialPort p = port;
        if (p != null) {
            release(p);
        }
        if (acquired) {
            sending.unlock();
        }
        synchronized (lock) {
            lock.notifyAll();
        }
        ChannelListener l = listener;
        if (l != null) {
            l.onClosed("closed");
        }
        onClose.accept(this);
    }

    /**
     * Lets go of the port without throwing bytes away: a real UART is given up to {@link #FINISH_MS} to send what is
     * still queued, then the descriptor is detached from the device (see {@link Descriptors}) so that jSerialComm's
     * closePort cannot discard what is queued either way.
     */
    private void release(SerialPort p) {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(FINISH_MS);
        while (p.bytesAwaitingWrite() > 0 && System.nanoTime() < end) {
            sleep(5);
        }
        int fd = portFd;
        if (fd >= 0) {
            Descriptors.detach(fd);
        }
        p.closePort();
    }

    @Override
    public String describe() {
        return "serial:" + options.path() + (port != null ? " (open)" : " (waiting for the device)");
    }
}
