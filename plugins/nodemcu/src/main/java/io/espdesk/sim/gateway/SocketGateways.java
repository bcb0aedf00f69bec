package io.espdesk.sim.gateway;

import io.espdesk.sim.engine.Board;
import io.espdesk.sim.engine.World;
import io.espdesk.sim.engine.Ip;
import io.espdesk.sim.engine.Board;
import io.espdesk.sim.engine.Ip;
import io.espdesk.sim.engine.RealNetwork;
import io.espdesk.sim.engine.Tcp;
import io.espdesk.sim.engine.TcpEnd;
import io.espdesk.sim.engine.World;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Bridges between simulated TCP and real sockets. Outbound: a board connecting to a mapped simulated address
 * reaches a real server. Inbound: a real client connecting to a local port reaches a board's listening port.
 * Socket threads never touch the simulation; they post to it ({@link World#post}), and the simulation runs at wall
 * speed while gateways exist. The engine knows it only as its {@link RealNetwork}.
 */
public final class SocketGateways implements RealNetwork {
    private record Outbound(int simIp, int simPort, String host, int port) {
    }

    private final World world;
    private final List<Outbound> outbound = new ArrayList<>();
    private final List<ServerSocket> listeners = new ArrayList<>();
    private final List<Socket> sockets = new ArrayList<>();
    private final ExecutorService io = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "espdesk-gateway");
        t.setDaemon(true);
        return t;
    });

    public SocketGateways(World world) {
        this.world = world;
    }

    @Override
    public boolean any() {
        return !outbound.isEmpty() || !listeners.isEmpty();
    }

    /** Boards connecting to simIp:simPort reach the real host:port. */
    public void mapOutbound(int simIp, int simPort, String host, int port) {
        outbound.add(new Outbound(simIp, simPort, host, port));
    }

    /** Real clients connecting to bindHost:bindPort reach {@code board}'s TCP port {@code boardPort}. Returns the bound port. */
    public int listen(String bindHost, int bindPort, Board board, int boardPort) throws IOException {
        ServerSocket ss = new ServerSocket();
        ss.bind(new InetSocketAddress(InetAddress.getByName(bindHost), bindPort), 50);
        listeners.add(ss);
        io.execute(() -> acceptLoop(ss, board, boardPort));
        return ss.getLocalPort();
    }

    @Override
    public boolean handles(int ip, int port) {
        return find(ip, port) != null;
    }

    private Outbound find(int ip, int port) {
        for (Outbound o : outbound) {
            if (o.simIp == ip && o.simPort == port) {
                return o;
            }
        }
        return null;
    }

    /** A board's connection to a mapped address: connect for real, then establish it in the simulation. */
    @Override
    public void connect(TcpEnd c) {
        Tcp tcp = world.tcp();
        Outbound o = find(c.remoteIp(), c.remotePort());
        io.execute(() -> {
            Socket s = new Socket();
            try {
                s.connect(new InetSocketAddress(o.host, o.port), 5_000);
                s.setTcpNoDelay(true);
            } catch (IOException e) {
                world.post(() -> tcp.failFromReal(c));
                return;
            }
            track(s);
            Peer p = new Peer(s);
            world.post(() -> tcp.establishReal(c, p));
            io.execute(() -> readLoop(s, c, tcp));
        });
    }

    private void acceptLoop(ServerSocket ss, Board board, int boardPort) {
        while (!ss.isClosed()) {
            Socket s;
            try {
                s = ss.accept();
                s.setTcpNoDelay(true);
            } catch (IOException e) {
                return;
            }
            track(s);
            Peer p = new Peer(s);
            world.post(() -> {
                TcpEnd e = world.tcp().acceptReal(board, boardPort, Ip.LOOPBACK, s.getPort(), p);
                if (e == null) {
                    p.close(); // nothing listens there: the real client sees the connection close
                } else {
                    io.execute(() -> readLoop(s, e, world.tcp()));
                }
            });
        }
    }

    private void readLoop(Socket s, TcpEnd e, Tcp tcp) {
        byte[] buf = new byte[Tcp.MSS];
        try (InputStream in = s.getInputStream()) {
            int n;
            while ((n = in.read(buf)) >= 0) {
                byte[] data = Arrays.copyOf(buf, n);
                world.post(() -> tcp.deliverFromReal(e, data));
            }
        } catch (IOException ignored) {
            // closed from either side
        }
        world.post(() -> tcp.closedByReal(e));
    }

    private synchronized void track(Socket s) {
        sockets.add(s);
    }

    /** The real side of a connection: writes on a thread of its own so a slow peer never stalls the simulation. */
    final class Peer implements TcpEnd.RealPeer {
        private final Socket socket;
        private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "espdesk-gateway-write");
            t.setDaemon(true);
            return t;
        });

        Peer(Socket socket) {
            this.socket = socket;
        }

        @Override
        public void write(byte[] data, Runnable written) {
            writer.execute(() -> {
                try {
                    OutputStream out = socket.getOutputStream();
                    out.write(data);
                    out.flush();
                    world.post(written);
                } catch (IOException e) {
                    close();
                }
            });
        }

        @Override
        public void close() {
            writer.execute(() -> {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            });
            writer.shutdown();
        }
    }

    @Override
    public synchronized void close() {
        for (ServerSocket ss : listeners) {
            try {
                ss.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        for (Socket s : sockets) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        io.shutdownNow();
    }
}
