package io.espdesk.serial;

import com.fazecast.jSerialComm.SerialPort;
import io.espdesk.api.Channel;
import io.espdesk.api.ChannelListener;
import io.espdesk.netcore.StoreAndForward;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
    static final int WRITE_CHUNK = 16 * 1024;

    private final SerialOptions options;
    private final Consumer<Channel> onClose;
    private final Object lock = new Object();
    private volatile SerialPort port;
    private volatile boolean closed;
    private volatile ChannelListener listener;
    private final StoreAndForward forward;

    SerialChannel(SerialOptions options, Consumer<Channel> onClose) {
        this.options = options;
        this.onClose = onClose;
        this.forward = new StoreAndForward(options.bufferBytes(), () -> port == null && !closed, this::send, this::status,
                options.path() + ": ", "keeping what arrives (up to %d bytes) until the device is back", "while the device was away");
    }

    @Override
    public void start(ChannelListener l) {
        this.listener = l;
        Thread t = new Thread(this::run, "espdesk-serial " + options.path());
        t.setDaemon(true);
        t.start();
    }

    /** Opens the port now, or returns a reason it cannot be opened. */
    String tryOpen() {
        if (!options.path().startsWith("/") || Files.exists(Path.of(options.path()))) {
            SerialPort p = SerialPort.getCommPort(options.path());
            p.setComPortParameters(options.baud(), options.dataBits(), options.stopBits(), options.parity());
            p.setFlowControl(options.flow());
            p.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, 100, 0);
            if (p.openPort()) {
                synchronized (lock) {
                    port = p;
                    lock.notifyAll();
                }
                return null;
            }
            int err = p.getLastErrorCode();
            return err == 16 ? "in use by another program" : "cannot be opened (error " + err + ")";
        }
        return "no such device";
    }

    private void run() {
        String lastWhy = null;
        byte[] buf = new byte[16 * 1024];
        while (!closed) {
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
                listener.onData(buf, 0, n);
            } else if (n < 0 || !p.isOpen() || !stillThere()) {
                lost(p);
                lastWhy = "gone";
                status(options.path() + ": the device went away; closed it, reopening when it returns");
            }
        }
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
            int n = p.writeBytes(data, Math.min(WRITE_CHUNK, length - done), offset + done);
            if (n < 0) {
                lost(p); // the reader reports it
                continue;
            }
            done += n;
        }
        return done;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        SerialPort p = port;
        if (p != null) {
            p.closePort();
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

    @Override
    public String describe() {
        return "serial:" + options.path() + (port != null ? " (open)" : " (waiting for the device)");
    }
}
