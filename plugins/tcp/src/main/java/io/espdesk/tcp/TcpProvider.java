package io.espdesk.tcp;

import io.espdesk.api.Channel;
import io.espdesk.api.ChannelAddress;
import io.espdesk.api.SchemeHelp;
import io.espdesk.netcore.NettyProvider;
import io.netty.channel.EventLoopGroup;
import java.io.IOException;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code tcp://HOST:PORT} (a client that reconnects) and {@code tcp-listen://[BIND]:PORT} (a server for many clients);
 * with {@code ?resume=on} on both ends, two espdesks that deliver every byte exactly once across drops and restarts.
 */
public final class TcpProvider extends NettyProvider {
    public TcpProvider() {
        super("espdesk-tcp");
    }

    @Override
    public Set<String> schemes() {
        return Set.of("tcp", "tcp-listen");
    }

    @Override
    public void validate(ChannelAddress address) {
        TcpOptions.of(address);
    }

    @Override
    public SchemeHelp help(String scheme) {
        return TcpOptions.help(scheme);
    }

    @Override
    protected Channel create(EventLoopGroup group, ChannelAddress address, Consumer<Channel> onClose) throws IOException {
        TcpOptions o = TcpOptions.of(address);
        if (o.resume()) {
            return address.scheme().equals("tcp") ? new ResumeClientChannel(group, address, o, onClose)
                    : ResumeListenChannel.bind(group, address, o, onClose);
        }
        return address.scheme().equals("tcp") ? new TcpClientChannel(group, address, o, onClose) : TcpListenChannel.bind(group, address, o, onClose);
    }
}
