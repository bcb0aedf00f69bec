package io.espdesk.sim.engine;

import java.util.PriorityQueue;

/**
 * The one clock and event queue of a simulation. Every board's timers, network deliveries and callbacks are
 * ordered by virtual time, then by the order they were scheduled, and run on one thread: the same inputs give the
 * same order, byte for byte. Time is in microseconds since the simulation started.
 */
public final class Scheduler {
    private volatile boolean halted;
    /** A scheduled action; cancel it to skip it. */
    public static final class Task implements Comparable<Task> {
        final long time;
        final long seq;
        final Board owner;
        final Runnable action;
        boolean cancelled;

        Task(long time, long seq, Board owner, Runnable action) {
            this.time = time;
            this.seq = seq;
            this.owner = owner;
            this.action = action;
        }

        public void cancel() {
            cancelled = true;
        }

        public boolean cancelled() {
            return cancelled;
        }

        public long time() {
            return time;
        }

        @Override
        public int compareTo(Task o) {
            return time != o.time ? Long.compare(time, o.time) : Long.compare(seq, o.seq);
        }
    }

    private final PriorityQueue<Task> queue = new PriorityQueue<>();
    private long now;
    private long seq;
    private long ran;

    public long now() {
        return now;
    }

    /** Tasks run so far (for benchmarks). */
    public long tasksRun() {
        return ran;
    }

    /** Runs {@code action} at {@code delayMicros} from now; {@code owner} (may be null) cancels it when it resets. */
    public Task after(long delayMicros, Board owner, Runnable action) {
        Task t = new Task(now + Math.max(0, delayMicros), seq++, owner, action);
        queue.add(t);
        return t;
    }

    /** Drops every pending task of a board (it lost power: its timers and in-flight deliveries die with it). */
    public void cancelAll(Board owner) {
        for (Task t : queue) {
            if (t.owner == owner) {
                t.cancelled = true;
            }
        }
    }

    /** Moves the clock forward without running anything (a busy-wait such as tmr.delay). */
    public void advance(long micros) {
        now += Math.max(0, micros);
    }

    /** Runs every task due up to {@code end}, then sets the clock to {@code end}. */
    public void runUntil(long end) {
        Task t;
        while (!halted && (t = queue.peek()) != null && t.time <= end) {
            queue.poll();
            if (t.cancelled) {
                continue;
            }
            if (t.time > now) {
                now = t.time;
            }
            ran++;
            t.action.run();
        }
        if (end > now && !halted) {
            now = end;
        }
    }

    /**
     * Stops a run from another thread (Ctrl-C): {@link #runUntil} returns after the task in hand, with the clock where
     * that task left it, and runs nothing more.
     */
    public void halt() {
        halted = true;
    }

    public boolean halted() {
        return halted;
    }

    /** The time of the next live task, or Long.MAX_VALUE. */
    public long nextTime() {
        Task t;
        while ((t = queue.peek()) != null && t.cancelled) {
            queue.poll();
        }
        return t == null ? Long.MAX_VALUE : t.time;
    }
}
