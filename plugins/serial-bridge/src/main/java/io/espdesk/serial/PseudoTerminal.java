package io.espdesk.serial;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.io.Closeable;
import java.io.IOException;

/**
 * A pseudo-terminal pair from libc's openpty (through JNA), in raw mode: the slave side is a serial port by path
 * ({@code serial:/dev/pts/7}) and this object reads and writes the master side, where the "board" is. How
 * {@code espdesk pty} gives a bridge a port without hardware, and how the tests get theirs. Linux and macOS.
 */
public final class PseudoTerminal implements Closeable {
    interface LibC extends Library {
        int openpty(int[] amaster, int[] aslave, byte[] name, Pointer termp, Pointer winp);

        int tcgetattr(int fd, Pointer termios);

        void cfmakeraw(Pointer termios);

        int tcsetattr(int fd, int optionalActions, Pointer termios);

        long read(int fd, byte[] buf, long count);

        long write(int fd, byte[] buf, long count);

        int poll(byte[] fds, long nfds, int timeout);

        int close(int fd);
    }

    private static final int CHUNK = 4096;

    private final LibC c;
    private final int master;
    private final int slave;
    private final String path;
    private volatile boolean closed;

    private PseudoTerminal(LibC c, int master, int slave, String path) {
        this.c = c;
        this.master = master;
        this.slave = slave;
        this.path = path;
    }

    /** Opens a new pair in raw mode (no echo, no line editing, every byte value passes). */
    public static PseudoTerminal open() throws IOException {
        LibC c;
        try {
            c = Native.load(Platform.libc(), LibC.class);
        } catch (UnsatisfiedLinkError e) {
            throw new IOException("pseudo-terminals are not available here: " + e.getMessage(), e);
        }
        int[] m = new int[1];
        int[] s = new int[1];
        byte[] name = new byte[128];
        if (c.openpty(m, s, name, null, null) != 0) {
            throw new IOException("openpty failed: errno " + Native.getLastError());
        }
        Memory termios = new Memory(256);
        c.tcgetattr(s[0], termios);
        c.cfmakeraw(termios);
        c.tcsetattr(s[0], 0, termios);
        return new PseudoTerminal(c, m[0], s[0], Native.toString(name));
    }

    /** The slave side's device path: what a bridge opens as {@code serial:PATH}. */
    public String path() {
        return path;
    }

    /** Writes everything to the master side (what the "board" sends); blocks while the port's reader is behind. */
    public void write(byte[] data, int offset, int length) throws IOException {
        byte[] chunk = new byte[Math.min(CHUNK, Math.max(1, length))];
        int off = offset;
        int end = offset + length;
        while (off < end) {
            int len = Math.min(chunk.length, end - off);
            System.arraycopy(data, off, chunk, 0, len);
            long n = c.write(master, chunk, len);
            if (n < 0) {
                throw new IOException("write to " + path + " failed: errno " + Native.getLastError());
            }
            off += (int) n; // a short write: the rest is copied again from data on the next turn
        }
    }

    /**
     * Reads at most {@code max} bytes of what reached the master side (what was written to the port) into the start of
     * {@code buf}, waiting up to {@code millis}; returns the count, 0 when nothing came in time, -1 once closed.
     */
    public int read(byte[] buf, int max, int millis) throws IOException {
        if (closed) {
            return -1;
        }
        if (!readable(millis)) {
            return 0;
        }
        long r = c.read(master, buf, Math.min(max, buf.length));
        if (r < 0) {
            if (closed) {
                return -1;
            }
            throw new IOException("read from " + path + " failed: errno " + Native.getLastError());
        }
        return (int) r;
    }

    /** poll(2) on the master for input, so that no read waits for ever. */
    private boolean readable(int millis) {
        byte[] pfd = new byte[8]; // struct pollfd { int fd; short events; short revents; }, little-endian
        pfd[0] = (byte) master;
        pfd[1] = (byte) (master >> 8);
        pfd[2] = (byte) (master >> 16);
        pfd[3] = (byte) (master >> 24);
        pfd[4] = 1; // POLLIN
        return c.poll(pfd, 1, millis) > 0;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            c.close(slave);
            c.close(master);
        }
    }

    /** Where openpty lives. */
    static final class Platform {
        private Platform() {
        }

        /** libc, where openpty is since glibc 2.34 and on macOS; else libutil, where older glibc keeps it. */
        static String libc() {
            try {
                com.sun.jna.NativeLibrary.getInstance("c").getFunction("openpty");
                return "c";
            } catch (UnsatisfiedLinkError e) {
                return "util";
            }
        }
    }
}
