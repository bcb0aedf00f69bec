package io.espdesk.sim.engine;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * A board's SPIFFS flash: a flat map of file names to bytes, copied from the board's folder when the board is
 * added. Scripts never touch the host file system; what they write lives here and survives reboots, as on
 * hardware.
 */
public final class Flash {
    /** The 1.5 firmware's default file system size on a 4 MB module (bytes). */
    public static final long CAPACITY = 3_448_832;
    public static final int MAX_NAME = 31;

    private final Map<String, byte[]> files = new TreeMap<>();

    /** Copies every regular file of {@code dir} (not its subfolders: SPIFFS is flat). */
    public static Flash copyOf(Path dir) throws IOException {
        Flash f = new Flash();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                if (Files.isRegularFile(p)) {
                    f.files.put(p.getFileName().toString(), Files.readAllBytes(p));
                }
            }
        }
        return f;
    }

    public static Flash of(Map<String, byte[]> content) {
        Flash f = new Flash();
        f.files.putAll(content);
        return f;
    }

    private static String strip(String name) {
        return name.startsWith("./") ? name.substring(2) : name;
    }

    public byte[] read(String name) {
        return files.get(strip(name));
    }

    public boolean exists(String name) {
        return files.containsKey(strip(name));
    }

    public void write(String name, byte[] content) {
        files.put(strip(name), content);
    }

    public boolean remove(String name) {
        return files.remove(strip(name)) != null;
    }

    public boolean rename(String from, String to) {
        if (!files.containsKey(from) || files.containsKey(to)) {
            return false;
        }
        files.put(to, files.remove(from));
        return true;
    }

    public void format() {
        files.clear();
    }

    public long used() {
        long n = 0;
        for (byte[] b : files.values()) {
            n += b.length;
        }
        return n;
    }

    /** Names and sizes, sorted by name. */
    public Map<String, Integer> list() {
        Map<String, Integer> out = new TreeMap<>();
        files.forEach((k, v) -> out.put(k, v.length));
        return out;
    }
}
