package io.espdesk.netcore;

import io.espdesk.channelkit.Delivery;
import io.espdesk.channelkit.StoreAndForward;
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
    private final StoreAndForward forward;
    private final Consumer<Channel> onClose;
    private io.netty.channel.Channel server;
    private volatile boolean closed;

    /** @param holdBytes what to keep while no client is connected (store-and-forward), 0 for nothing */
    protected ServerChannel(String name, ChannelAddress address, int max, int queueBytes, long stallMillis, long holdBytes,
                            Consumer<Channel> onClose) {
        this.address = address;
        this.queueBytes = queueBytes;
        this.onClose = onClose;
        this.delivery = new Delivery(name, queueBytes);
        this.clients = new Broadcast(delivery, max, queueBytes, stallMillis);
        this.forward = new StoreAndForward(holdBytes, () -> clients.size() == 0, (d, o, l) -> {
            send(d, o, l);
            return l;
        }, delivery::status, delivery::dropped, "",
                "no client connected: keeping what arrives (up to %d bytes) for the next one", "while no client was connected");
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

    /** To every client; while there is none, kept (store-and-forward) for the first one to connect. */
    @Override
    public final void write(byte[] data, int offset, int length) throws IOException {
        forward.write(data, offset, length);
    }

    /** A client was admitted: what was kept for it goes first. */
    protected void clientReady() {
        forward.backNow();
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
