package io.espdesk.websocket;

import io.espdesk.api.ChannelProvider;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** Registers the WebSocket provider; on stop closes its channels, so links using them close cleanly. */
public final class WsActivator implements BundleActivator {
    private WsProvider provider;

    @Override
    public void start(BundleContext context) {
        provider = new WsProvider();
        context.registerService(ChannelProvider.class, provider, null);
    }

    @Override
    public void stop(BundleContext context) {
        provider.close();
    }
}
