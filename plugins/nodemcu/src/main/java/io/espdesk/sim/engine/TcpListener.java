package io.espdesk.sim.engine;

/** A listening TCP port on a board: accepts a new end (and gives it a handler) or refuses. */
public interface TcpListener {
    /** Called on the listening board when a SYN arrives; return false to refuse (RST). */
    boolean accept(TcpEnd end);
}
