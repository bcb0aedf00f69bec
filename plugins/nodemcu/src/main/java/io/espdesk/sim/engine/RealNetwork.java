package io.espdesk.sim.engine;

/**
 * Where the simulation meets real sockets (a scenario's gateways). The engine never opens a socket: it asks this
 * whether a simulated address leads out, hands it a board's connection to that address, and runs at wall speed
 * while any gateway exists. The implementation posts everything it learns back to the simulation thread
 * ({@link World#post}) and reports through {@link Tcp}'s {@code …Real} methods.
 */
public interface RealNetwork extends AutoCloseable {
    /** No gateways: a purely simulated world. */
    RealNetwork NONE = new RealNetwork() {
        @Override
        public boolean any() {
            return false;
        }

        @Override
        public boolean handles(int ip, int port) {
            return false;
        }

        @Override
        public void connect(TcpEnd end) {
            throw new IllegalStateException("no gateway leads to this address");
        }

        @Override
        public void close() {
        }
    };

    /** Whether any gateway exists (the clock then runs at wall speed). */
    boolean any();

    /** Whether a board connecting to the simulated {@code ip:port} reaches a real server. */
    boolean handles(int ip, int port);

    /** A board's connection to a mapped address: connect for real, then establish or fail it in the simulation. */
    void connect(TcpEnd end);

    /** Closes every real socket. */
    @Override
    void close();
}
