package io.espdesk.serial;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.io.Closeable;
import java.io.IOException;

/**
 * A real pseudo-terminal pair made with libc's openpty through JNA, in raw mode: the slave side is the "serial
 * port" a bridge opens by path; the test reads and writes the master side. No socat, no apt package.
 */
final class Pty implements Closeable {
    interface LibC extends Library {
        LibC C = Native.load("c", LibC.class);

        int openpty(int[] amaster, int[] aslave, byte[] name, Pointer termp, Pointer winp);

        int tcgetattr(int fd, Pointer termios);

        void cfmakeraw(Pointer termios);

        int tcsetattr(int fd, int optionalActions, Pointer termios);

        long read(int fd, byte[] buf, long count);

        long write(int fd, byte[] buf, long count);

        int poll(byte[] fds, long nfds, int timeout);

        int close(int fd);
    }

    final int master;
    final int slave;
    final String path;
    private volatile boolean closed;

    private Pty(int master, int slave, String path) {
        this.master = master;
        this.slave = slave;
        this.path = path;
    }

    static Pty open() throws IOException {
        int[] m = new int[1];
        int[] s = new int[1];
        byte[] name = new byte[128];
        if (LibC.C.openpty(m, s, name, null, null) != 0) {
            throw new IOException("openpty failed: errno " + Native.getLastError());
        }
        Memory termios = new Memory(256);
        LibC.C.tcgetattr(s[0], termios);
        LibC.C.cfmakeraw(termios);
        LibC.C.tcsetattr(s[0], 0, termios);
        return new Pty(m[0], s[0], Native.toString(name));
    }

    /** Writes everything to the master side (what the "device" sends). */
    void write(byte[] data) throws IOException {
        int off = 0;
        while (off < data.length) {
            int len = Math.min(4096, data.length - off);
            byte[] chunk = off == 0 && len == data.length ? data : java.util.Arrays.copyOfRange(data, off, off + len);
            long n = LibC.C.write(master, chunk, len);
            if (n < 0) {
                throw new IOException("write failed: errno " + Native.getLastError());
            }
            off += (int) n;
        }
    }

    /** Reads exactly {@code n} bytes from the master side (what reached the "device"), failing after 30 s without data. */
    byte[] read(int n) throws IOException {
        byte[] out = new byte[n];
        byte[] buf = new byte[65536];
        int got = 0;
        while (got < n) {
            if (!readable(30_000)) {
                throw new IOException("no data for 30 s after " + got + " of " + n + " bytes");
            }
            long r = LibC.C.read(master, buf, Math.min(buf.length, n - got));
            if (r <= 0) {
                throw new IOException("read failed after " + got + " bytes: errno " + Native.getLastError());
            }
            System.arraycopy(buf, 0, out, got, (int) r);
            got += (int) r;
        }
        return out;
    }

    /** poll(2) on the master for input: a test never blocks for ever on a read. */
    private boolean readable(int millis) {
        byte[] pfd = new byte[8]; // struct pollfd { int fd; short events; short revents; }
        pfd[0] = (byte) master;
        pfd[1] = (byte) (master >> 8);
        pfd[2] = (byte) (master >> 16);
        pfd[3] = (byte) (master >> 24);
        pfd[4] = 1; // POLLIN
        return LibC.C.poll(pfd, 1, millis) > 0;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            LibC.C.close(slave);
            LibC.C.close(master);
        }
    }
}
