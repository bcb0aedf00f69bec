package io.espdesk.host.testplugins;

import io.espdesk.api.ChannelProvider;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** Registers a {@link LoopbackTcpProvider} for the scheme named by the bundle header {@code Test-Scheme}. */
public final class SchemeActivator implements BundleActivator {
    @Override
    public void start(BundleContext context) {
        String scheme = context.getBundle().getHeaders().get("Test-Scheme");
        context.registerService(ChannelProvider.class, new LoopbackTcpProvider(scheme), null);
    }

    @Override
    public void stop(BundleContext context) {
        // the framework unregisters the service
    }
}
