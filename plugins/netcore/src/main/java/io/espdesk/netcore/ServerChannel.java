package io.espdesk.netcore;

import io.espdesk.channelkit.Delivery;
import io.espdesk.channelkit.RelayOptions;
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
 * {@link Delivery} of what they send. A write goes channel, store-and-forward, broadcast, sockets. Subclasses add
 * their pipeline and their framing (the broadcast's encoder).
 */
public abstract class ServerChannel implements Channel {
    protected final ChannelAddress address;
    protected final Delivery delivery;
    protected final Broadcast broadcast;
    private final int queueBytes;
    private final StoreAndForward forward;
    private final Consumer<Channel> onClose;
    private io.netty.channel.Channel server;
    private volatile boolean closed;

    /**
     * @param o       clients at most, queue per client, stall limit, and what to keep while no client is connected
     * @param encoder how a write becomes messages for the clients (the scheme's framing)
     */
    protected ServerChannel(String name, ChannelAddress address, RelayOptions o, Broadcast.Encoder encoder, Consumer<Channel> onClose) {
        this.address = address;
        this.queueBytes = o.queueBytes();
        this.onClose = onClose;
        this.delivery = new Delivery(name, queueBytes);
        this.broadcast = new Broadcast(delivery, o, encoder);
        this.forward = new StoreAndForward(o.bufferBytes(), broadcast, delivery::status, delivery::dropped, "",
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
        return broadcast.size();
    }

    @Override
    public void start(ChannelListener listener) {
        delivery.start(listener);
    }

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
        broadcast.close();
        delivery.end("closed");
        onClose.accept(this);
    }

    @Override
    public String describe() {
        return address + " (" + broadcast.size() + " clients)";
    }
}
