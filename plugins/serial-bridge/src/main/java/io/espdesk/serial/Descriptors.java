package io.espdesk.serial;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Letting go of a serial port without losing bytes. jSerialComm's closePort always discards what is queued in both
 * directions (tcflush TCIOFLUSH): bytes written but not yet sent (on a pseudo-terminal: not yet read by the other end)
 * and bytes arrived but not yet read, which the next program to open the port would otherwise get. On Linux the
 * port's descriptor is found in /proc/self/fd and swapped for /dev/null (dup2) just before closePort, so the device is
 * closed plainly and jSerialComm's flush lands on /dev/null. Elsewhere closePort is used as it is.
 */
final class Descriptors {
    interface LibC extends Library {
        int open(String path, int flags);

        int dup2(int oldfd, int newfd);

        int close(int fd);
    }

    /** libc, bound once, on first use (a class initialised lazily: closing a port is where it is first needed). */
    private static final class Lib {
        static final LibC C = Native.load("c", LibC.class);
    }

    private static final Path FDS = Path.of("/proc/self/fd");
    private static final int O_RDWR = 2;

    private Descriptors() {
    }

    /** This process's descriptors open on {@code device} (empty where /proc is not there). */
    static Set<Integer> openOn(String device) {
        Set<Integer> out = new HashSet<>();
        if (!Files.isDirectory(FDS)) {
            return out;
        }
        try {
            Path real = Path.of(device).toRealPath();
            try (DirectoryStream<Path> fds = Files.newDirectoryStream(FDS)) {
                for (Path fd : fds) {
                    try {
                        if (Files.readSymbolicLink(fd).equals(real)) {
                            out.add(Integer.parseInt(fd.getFileName().toString()));
                        }
                    } catch (IOException | NumberFormatException | UnsupportedOperationException gone) {
                        // closed meanwhile, or the directory stream's own descriptor
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            out.clear();
        }
        return out;
    }

    /** Points {@code fd} at /dev/null, which closes the device under it without flushing; false if that failed. */
    static boolean detach(int fd) {
        try {
            LibC c = Lib.C;
            int devNull = c.open("/dev/null", O_RDWR);
            if (devNull < 0) {
                return false;
            }
            boolean ok = c.dup2(devNull, fd) == fd;
            c.close(devNull);
            return ok;
        } catch (UnsatisfiedLinkError | NoClassDefFoundError | RuntimeException e) {
            return false; // no libc to call: closePort alone (its flush applies)
        }
    }
}
