package io.espdesk.host.testplugins;

import io.espdesk.api.ChannelProvider;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * Registers a {@link LoopbackTcpProvider} for the scheme named by the bundle header {@code Test-Scheme}, after
 * {@code Test-Start-Delay} milliseconds when the bundle has that header (a plugin that takes a while to start).
 */
public final class SchemeActivator implements BundleActivator {
    @Override
    public void start(BundleContext context) throws InterruptedException {
        String delay = context.getBundle().getHeaders().get("Test-Start-Delay");
        if (delay != null) {
            Thread.sleep(Long.parseLong(delay));
        }
        String scheme = context.getBundle().getHeaders().get("Test-Scheme");
        context.registerService(ChannelProvider.class, new LoopbackTcpProvider(scheme), null);
    }

    @Override
    public void stop(BundleContext context) {
        // the framework unregisters the service
    }
}
