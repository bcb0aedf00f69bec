package io.espdesk.websocket;

import io.espdesk.api.Channel;
import io.espdesk.api.ChannelAddress;
import io.espdesk.api.SchemeHelp;
import io.espdesk.netcore.NettyProvider;
import io.netty.channel.EventLoopGroup;
import java.io.IOException;
import java.util.Set;
import java.util.function.Consumer;

/** {@code ws://HOST:PORT/PATH} (a client that reconnects) and {@code ws-listen://[BIND]:PORT/PATH} (a server). */
public final class WsProvider extends NettyProvider {
    public WsProvider() {
        super("espdesk-ws");
    }

    @Override
    public Set<String> schemes() {
        return Set.of("ws", "ws-listen");
    }

    @Override
    public void validate(ChannelAddress address) {
        WsOptions.of(address);
    }

    @Override
    public SchemeHelp help(String scheme) {
        return WsOptions.help(scheme);
    }

    @Override
    protected Channel create(EventLoopGroup group, ChannelAddress address, Consumer<Channel> onClose) throws IOException {
        WsOptions o = WsOptions.of(address);
        return address.scheme().equals("ws") ? new WsClientChannel(group, address, o, onClose) : WsListenChannel.bind(group, address, o, onClose);
    }
}
