package io.espdesk.nodemcu.modules;

import io.espdesk.sim.engine.Ip;
import io.espdesk.sim.engine.Tcp;
import io.espdesk.sim.engine.TcpEnd;
import io.espdesk.sim.engine.TcpHandler;
import io.espdesk.sim.engine.UdpHandler;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaUserdata;
import org.luaj.vm2.LuaValue;

/**
 * net: TCP servers and sockets and UDP sockets over the simulated WiFi, with the firmware's events
 * ("connection", "reconnection", "disconnection", "receive", "sent"), its one-send-at-a-time rule, 1460-byte
 * receive segments, server idle timeouts, and the 1.5 firmware's "only one tcp server allowed".
 */
public final class NetModule extends Module {
    public static final int TCP = 1;
    public static final int UDP = 0;
    static final int DEFAULT_TIMEOUT_S = 30;

    /** A TCP socket (client, or a connection a server accepted). */
    final class Socket implements TcpHandler {
        TcpEnd end;
        LuaUserdata self;
        LuaValue onConnection = LuaValue.NIL;
        LuaValue onReconnection = LuaValue.NIL;
        LuaValue onDisconnection = LuaValue.NIL;
        LuaValue onReceive = LuaValue.NIL;
        LuaValue onSent = LuaValue.NIL;
        LuaValue oneShotSent = LuaValue.NIL;

        @Override
        public void connected() {
            lua.callLua(onConnection, self);
        }

        @Override
        public void received(byte[] segment) {
            lua.callLua(onReceive, self, LuaValue.valueOf(segment));
        }

        @Override
        public void sent() {
            LuaValue once = oneShotSent;
            oneShotSent = LuaValue.NIL;
            lua.callLua(once.isnil() ? onSent : once, self);
        }

        @Override
        public void disconnected(int err) {
            if (legacy()) {
                lua.callLua(onDisconnection, self);
            } else {
                lua.callLua(onDisconnection, self, LuaValue.valueOf(err));
            }
        }
    }

    /** A TCP server. */
    final class Server {
        int port = -1;
        int timeoutS;
        LuaValue onAccept = LuaValue.NIL;
    }

    /** A UDP socket. */
    final class UdpSocket implements UdpHandler {
        LuaUserdata self;
        int port = -1;
        int remotePort;
        int remoteIp;
        LuaValue onReceive = LuaValue.NIL;
        LuaValue onSent = LuaValue.NIL;

        @Override
        public void received(byte[] data, int fromPort, int fromIp) {
            lua.callLua(onReceive, self, LuaValue.valueOf(data), LuaValue.valueOf(fromPort), LuaValue.valueOf(Ip.str(fromIp)));
        }
    }

    private final LuaTable socketMeta;
    private final LuaTable serverMeta;
    private final LuaTable udpMeta;
    private Server legacyTcpServer;

    public NetModule(LuaBoard lua) {
        super(lua, "net");
        socketMeta = metatable(socketMethods());
        serverMeta = metatable(serverMethods());
        udpMeta = metatable(udpMethods());
    }

    @Override
    protected void build(LuaTable t) {
        t.set("TCP", TCP);
        t.set("UDP", UDP);
        put(t, "createServer", a -> {
            int type = a.narg() >= 1 && a.arg1().type() == LuaValue.TNUMBER ? a.checkint(1) : TCP;
            int timeout = a.optint(2, DEFAULT_TIMEOUT_S);
            if (type == UDP) {
                return newUdp();
            }
            if (type != TCP) {
                throw argError(1, "createServer", "wrong arg type");
            }
            if (timeout < 0 || timeout > 28_800) {
                throw argError(2, "createServer", "wrong arg range");
            }
            if (legacy() && legacyTcpServer != null && legacyTcpServer.port >= 0) {
                throw new LuaError("only one tcp server allowed");
            }
            Server s = new Server();
            s.timeoutS = timeout;
            if (legacy()) {
                legacyTcpServer = s;
            }
            return new LuaUserdata(s, serverMeta);
        });
        put(t, "createConnection", a -> {
            int type = a.optint(1, TCP);
            if (type == UDP) {
                return newUdp();
            }
            Socket s = new Socket();
            s.self = new LuaUserdata(s, socketMeta);
            return s.self;
        });
        put(t, "createUDPSocket", a -> newUdp());
        LuaTable dns = new LuaTable();
        put(dns, "resolve", a -> {
            String host = a.checkjstring(1);
            LuaValue fn = a.arg(2);
            int ip = Ip.parse(host);
            world().scheduler().after(world().latencyUs() * 2, board,
                    () -> lua.callLua(fn, LuaValue.NIL, ip == 0 ? LuaValue.NIL : LuaValue.valueOf(Ip.str(ip))));
            return none();
        });
        t.set("dns", dns);
    }

    private LuaUserdata newUdp() {
        UdpSocket u = new UdpSocket();
        u.self = new LuaUserdata(u, udpMeta);
        return u.self;
    }

    private LuaTable serverMethods() {
        LuaTable m = new LuaTable();
        put(m, "listen", a -> {
            Server s = self(a, Server.class, "net.server");
            int port = a.checkint(2);
            if (port < 0 || port > 65_535) {
                throw argError(2, "listen", "wrong arg range");
            }
            LuaValue fn = a.arg(3).isfunction() ? a.arg(3) : a.arg(4);
            if (world().tcp().listening(board, port)) {
                throw new LuaError("address in use");
            }
            s.port = port;
            s.onAccept = fn;
            world().tcp().listen(board, port, end -> {
                Socket c = new Socket();
                c.end = end;
                c.self = new LuaUserdata(c, socketMeta);
                end.handler(c);
                world().tcp().setIdleTimeout(end, s.timeoutS);
                lua.callLua(s.onAccept, c.self);
                return true;
            });
            return none();
        });
        put(m, "close", a -> {
            Server s = self(a, Server.class, "net.server");
            if (s.port >= 0) {
                world().tcp().unlisten(board, s.port);
                s.port = -1;
            }
            if (legacyTcpServer == s) {
                legacyTcpServer = null;
            }
            return none();
        });
        put(m, "getaddr", a -> {
            Server s = self(a, Server.class, "net.server");
            return s.port < 0 ? LuaValue.NIL : LuaValue.varargsOf(LuaValue.valueOf(s.port), LuaValue.valueOf(localIp()));
        });
        return m;
    }

    private String localIp() {
        int ip = board.station().ip();
        if (ip == 0 && board.softAp() != null) {
            ip = board.softAp().gateway();
        }
        return ip == 0 ? "0.0.0.0" : Ip.str(ip);
    }

    private LuaTable socketMethods() {
        LuaTable m = new LuaTable();
        put(m, "connect", a -> {
            Socket s = self(a, Socket.class, "net.socket");
            int port = a.checkint(2);
            String host = a.optjstring(3, "127.0.0.1");
            if (port < 1 || port > 65_535) {
                throw argError(2, "connect", "wrong arg range");
            }
            if (world().tcp().openCount(board) >= Tcp.MAX_CONNECTIONS) {
                world().warn(board, "net: a sixth TCP connection is refused (the firmware allows " + Tcp.MAX_CONNECTIONS + ")");
                world().scheduler().after(0, board, () -> s.disconnected(Tcp.ERR_CONN));
                return none();
            }
            int ip = Ip.parse(host);
            if (ip == 0) {
                world().warn(board, "net: cannot resolve '" + host + "': the simulation has no DNS (use an address, or a gateway in sim.json)");
                world().scheduler().after(1_000_000, board, () -> s.disconnected(Tcp.ERR_TIMEOUT));
                return none();
            }
            s.end = world().tcp().connect(board, s, ip, port);
            return none();
        });
        put(m, "on", a -> {
            Socket s = self(a, Socket.class, "net.socket");
            String ev = a.checkjstring(2);
            LuaValue fn = a.arg(3).isfunction() ? a.arg(3) : LuaValue.NIL;
            switch (ev) {
                case "connection": s.onConnection = fn; break;
                case "reconnection": s.onReconnection = fn; break;
                case "disconnection": s.onDisconnection = fn; break;
                case "receive": s.onReceive = fn; break;
                case "sent": s.onSent = fn; break;
                case "dns": break;
                default: throw argError(2, "on", "invalid callback name");
            }
            return none();
        });
        put(m, "send", a -> {
            Socket s = self(a, Socket.class, "net.socket");
            LuaString data = a.checkstring(2);
            byte[] b = new byte[data.length()];
            data.copyInto(0, b, 0, b.length);
            if (s.end == null || !s.end.established()) {
                world().warn(board, "net: send on a socket that is not connected: " + b.length + " bytes dropped");
                return none();
            }
            if (s.end.sending()) {
                world().warn(board, "net: send while the previous send is still in flight: " + b.length
                        + " bytes dropped, as on the firmware (send the next piece from the \"sent\" callback)");
                return none();
            }
            if (a.arg(3).isfunction()) {
                s.oneShotSent = a.arg(3);
            }
            world().tcp().send(s.end, b);
            return none();
        });
        put(m, "close", a -> {
            Socket s = self(a, Socket.class, "net.socket");
            if (s.end != null) {
                world().tcp().close(s.end);
            }
            return none();
        });
        put(m, "getpeer", a -> {
            Socket s = self(a, Socket.class, "net.socket");
            if (s.end == null || !s.end.established()) {
                return LuaValue.NIL;
            }
            return LuaValue.varargsOf(LuaValue.valueOf(Ip.str(s.end.remoteIp())), LuaValue.valueOf(s.end.remotePort()));
        });
        put(m, "getaddr", a -> {
            Socket s = self(a, Socket.class, "net.socket");
            if (s.end == null || !s.end.established()) {
                return LuaValue.NIL;
            }
            return LuaValue.varargsOf(LuaValue.valueOf(s.end.localPort()), LuaValue.valueOf(Ip.str(s.end.localIp())));
        });
        put(m, "hold", a -> none());
        put(m, "unhold", a -> none());
        put(m, "ttl", a -> LuaValue.valueOf(255));
        put(m, "dns", a -> {
            String host = a.checkjstring(2);
            LuaValue fn = a.arg(3);
            int ip = Ip.parse(host);
            LuaValue self = a.arg1();
            world().scheduler().after(world().latencyUs() * 2, board,
                    () -> lua.callLua(fn, self, ip == 0 ? LuaValue.NIL : LuaValue.valueOf(Ip.str(ip))));
            return none();
        });
        return m;
    }

    private LuaTable udpMethods() {
        LuaTable m = new LuaTable();
        put(m, "listen", a -> {
            UdpSocket u = self(a, UdpSocket.class, "net.udpsocket");
            int port = a.checkint(2);
            if (!world().udp().bind(board, port, u)) {
                throw new LuaError("address in use");
            }
            u.port = port;
            return none();
        });
        put(m, "connect", a -> {
            UdpSocket u = self(a, UdpSocket.class, "net.udpsocket");
            u.remotePort = a.checkint(2);
            u.remoteIp = Ip.parse(a.checkjstring(3));
            return none();
        });
        put(m, "on", a -> {
            UdpSocket u = self(a, UdpSocket.class, "net.udpsocket");
            String ev = a.checkjstring(2);
            LuaValue fn = a.arg(3).isfunction() ? a.arg(3) : LuaValue.NIL;
            if ("receive".equals(ev)) {
                u.onReceive = fn;
            } else if ("sent".equals(ev)) {
                u.onSent = fn;
            } else if (!"dns".equals(ev)) {
                throw argError(2, "on", "invalid callback name");
            }
            return none();
        });
        put(m, "send", a -> {
            UdpSocket u = self(a, UdpSocket.class, "net.udpsocket");
            int port;
            int ip;
            LuaString data;
            if (a.narg() >= 4) {
                port = a.checkint(2);
                ip = Ip.parse(a.checkjstring(3));
                data = a.checkstring(4);
            } else {
                port = u.remotePort;
                ip = u.remoteIp;
                data = a.checkstring(2);
            }
            if (u.port < 0) {
                u.port = world().udp().ephemeralPort();
                world().udp().bind(board, u.port, u);
            }
            byte[] b = new byte[data.length()];
            data.copyInto(0, b, 0, b.length);
            world().udp().send(board, u.port, ip, port, b);
            LuaValue sent = u.onSent;
            if (sent.isfunction()) {
                world().scheduler().after(0, board, () -> lua.callLua(sent, u.self));
            }
            return none();
        });
        put(m, "close", a -> {
            UdpSocket u = self(a, UdpSocket.class, "net.udpsocket");
            if (u.port >= 0) {
                world().udp().unbind(board, u.port);
                u.port = -1;
            }
            return none();
        });
        put(m, "getaddr", a -> {
            UdpSocket u = self(a, UdpSocket.class, "net.udpsocket");
            return u.port < 0 ? LuaValue.NIL : LuaValue.varargsOf(LuaValue.valueOf(u.port), LuaValue.valueOf(localIp()));
        });
        return m;
    }

}
