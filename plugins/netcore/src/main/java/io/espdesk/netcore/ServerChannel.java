package io.espdesk.netcore;

import io.espdesk.api.Channel;
import io.espdesk.api.ChannelAddress;
import io.espdesk.api.ChannelListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.EventLoopGroup;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * What every listening channel is: a bound server socket, its {@link Broadcast} group of clients, and the
 * {@link Delivery} of what they send. Subclasses add their pipeline and how a write becomes messages.
 */
public abstract class ServerChannel implements Channel {
    protected final ChannelAddress address;
    protected final Delivery delivery;
    protected final Broadcast clients;
    private final int queueBytes;
    private final HoldBuffer hold;
    private final Object order = new Object();
    private boolean warnedDrop;
    private final Consumer<Channel> onClose;
    private io.netty.channel.Channel server;
    private volatile boolean closed;

    /** @param holdBytes what to keep while no client is connected (store-and-forward), 0 for nothing */
    protected ServerChannel(String name, ChannelAddress address, int max, int queueBytes, long stallMillis, long holdBytes,
                            Consumer<Channel> onClose) {
        this.address = address;
        this.queueBytes = queueBytes;
        this.hold = new HoldBuffer(holdBytes);
        this.onClose = onClose;
        this.delivery = new Delivery(name, queueBytes);
        this.clients = new Broadcast(delivery, max, queueBytes, stallMillis);
    }

    /** Binds the address (loopback unless it names a host) with {@code childInit} building each client's pipeline. */
    protected void listen(EventLoopGroup group, ChannelHandler childInit) throws IOException {
        server = Servers.bind(group, address, queueBytes, childInit);
    }

    /** The port actually bound (useful with port 0). */
    public int port() {
        return Servers.port(server);
    }

    public int clientCount() {
        return clients.size();
    }

    @Override
    public void start(ChannelListener listener) {
        delivery.start(listener);
    }

    /** Sends to every connected client (the subclass's framing). */
    protected abstract void send(byte[] data, int offset, int length) throws IOException;

    /** To every client; while there is none, kept in the hold buffer (if any) for the first one to connect. */
    @Override
    public final void write(byte[] data, int offset, int length) throws IOException {
        synchronized (order) {
            if (clients.size() == 0 && hold.enabled()) {
                boolean first = hold.isEmpty();
                long dropped = hold.add(data, offset, length);
                if (first) {
                    delivery.status("no client connected: keeping what arrives (up to " + hold.capacity() + " bytes) for the next one");
                }
                if (dropped > 0 && !warnedDrop) {
                    warnedDrop = true;
                    delivery.status("buffer full: dropping the oldest bytes (buffer=" + hold.capacity() + ")");
                }
                return;
            }
            flushHeld();
            send(data, offset, length);
        }
    }

    private void flushHeld() throws IOException {
        if (hold.isEmpty()) {
            return;
        }
        byte[] held = hold.takeAll();
        long dropped = hold.takeDropped();
        warnedDrop = false;
        send(held, 0, held.length);
        delivery.status("delivered " + held.length + " bytes kept while no client was connected"
                + (dropped > 0 ? "; " + dropped + " older bytes were dropped" : ""));
    }

    /** A client was admitted: what was kept for it goes first, from a thread of its own (never an event loop). */
    protected void clientReady() {
        if (hold.isEmpty()) {
            return;
        }
        Thread t = new Thread(() -> {
            synchronized (order) {
                try {
                    flushHeld();
                } catch (IOException e) {
                    // closed meanwhile: nothing to deliver to
                }
            }
        }, "espdesk-hold-flush");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.close();
        clients.close();
        delivery.end("closed");
        onClose.accept(this);
    }

    @Override
    public String describe() {
        return address + " (" + clients.size() + " clients)";
    }
}
