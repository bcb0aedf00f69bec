package io.espdesk.tcp;

import io.espdesk.api.ChannelProvider;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** Registers the tcp provider; on stop closes its channels, so links using them close cleanly. */
public final class TcpActivator implements BundleActivator {
    private TcpProvider provider;

    @Override
    public void start(BundleContext context) {
        provider = new TcpProvider();
        context.registerService(ChannelProvider.class, provider, null);
    }

    @Override
    public void stop(BundleContext context) {
        provider.close();
    }
}
