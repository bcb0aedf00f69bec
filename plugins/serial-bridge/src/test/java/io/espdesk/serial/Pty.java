package io.espdesk.serial;

import java.io.Closeable;
import java.io.IOException;

/** The tests' view of a {@link PseudoTerminal}: write all, read exactly n bytes (failing after 30 s without data). */
final class Pty implements Closeable {
    final PseudoTerminal pt;
    final String path;

    private Pty(PseudoTerminal pt) {
        this.pt = pt;
        this.path = pt.path();
    }

    static Pty open() throws IOException {
        return new Pty(PseudoTerminal.open());
    }

    /** Writes everything to the master side (what the "device" sends). */
    void write(byte[] data) throws IOException {
        pt.write(data, 0, data.length);
    }

    /** Reads exactly {@code n} bytes from the master side (what reached the "device"), failing after 30 s without data. */
    byte[] read(int n) throws IOException {
        byte[] out = new byte[n];
        byte[] buf = new byte[65536];
        int got = 0;
        while (got < n) {
            int r = pt.read(buf, n - got, 30_000);
            if (r <= 0) {
                throw new IOException("no data for 30 s after " + got + " of " + n + " bytes");
            }
            System.arraycopy(buf, 0, out, got, r);
            got += r;
        }
        return out;
    }

    /** Writes at about 2 MB/s in uneven pieces, so that bytes keep coming while a test breaks something. */
    void pour(byte[] data) {
        java.util.Random rnd = new java.util.Random(data.length);
        try {
            for (int off = 0; off < data.length; ) {
                int n = Math.min(data.length - off, 1 + rnd.nextInt(4_000));
                pt.write(data, off, n);
                off += n;
                Thread.sleep(1);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@link #write} for use in a CompletableFuture: as fast as the port takes it. */
    void writeUnchecked(byte[] data) {
        try {
            write(data);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** {@link #read} for use in a CompletableFuture. */
    byte[] readUnchecked(int n) {
        try {
            return read(n);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        pt.close();
    }
}
