package io.espdesk.host;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Collects the lines the host prints, and waits for one that matches. A matched line is taken, so waiting twice
 * for the same pattern needs two such lines; lines that did not match stay available to later waits.
 */
public final class Lines implements Consumer<String> {
    private final List<String> unclaimed = new ArrayList<>();
    private final List<String> all = new ArrayList<>();

    @Override
    public synchronized void accept(String line) {
        all.add(line);
        unclaimed.add(line);
        notifyAll();
    }

    /** Waits for a line matching {@code regex} (a find, not a full match); fails listing every line seen. */
    public synchronized String await(String regex, long millis) throws InterruptedException {
        Pattern p = Pattern.compile(regex);
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (true) {
            for (Iterator<String> it = unclaimed.iterator(); it.hasNext(); ) {
                String line = it.next();
                if (p.matcher(line).find()) {
                    it.remove();
                    return line;
                }
            }
            long left = end - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no line matching /" + regex + "/ within " + millis + " ms; lines: " + all);
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    public synchronized List<String> snapshot() {
        return new ArrayList<>(all);
    }
}
