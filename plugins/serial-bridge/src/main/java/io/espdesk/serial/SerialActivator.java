package io.espdesk.serial;

import io.espdesk.api.ChannelProvider;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** Registers the serial provider; on stop closes its ports, so links using them close cleanly. */
public final class SerialActivator implements BundleActivator {
    private SerialProvider provider;

    @Override
    public void start(BundleContext context) {
        provider = new SerialProvider();
        context.registerService(ChannelProvider.class, provider, null);
    }

    @Override
    public void stop(BundleContext context) {
        provider.close();
    }
}
