package io.espdesk.channelkit;

import io.espdesk.api.ChannelListener;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** A ChannelListener that keeps what it gets, for the network plugins' tests (shared as netcore's test jar). */
public final class Recorder implements ChannelListener {
    public final ByteArrayOutputStream data = new ByteArrayOutputStream();
    public final List<String> status = new CopyOnWriteArrayList<>();
    public volatile String closed;

    @Override
    public synchronized boolean onData(byte[] d, int off, int len) {
        data.write(d, off, len);
        notifyAll();
        return true;
    }

    @Override
    public void onClosed(String reason) {
        closed = reason;
    }

    @Override
    public void onStatus(String message) {
        status.add(message);
    }

    public synchronized byte[] bytes() {
        return data.toByteArray();
    }

    public synchronized void awaitBytes(int n, long millis) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (data.size() < n) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("only " + data.size() + " of " + n + " bytes arrived; status: " + status);
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    public String awaitStatus(String prefix, long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < end) {
            for (String s : status) {
                if (s.startsWith(prefix)) {
                    return s;
                }
            }
            Thread.sleep(5);
        }
        throw new AssertionError("no status starting '" + prefix + "' in " + status);
    }
}
