package io.espdesk.sim.osgi;

import io.espdesk.api.ChannelProvider;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * The nodemcu runtime as a plugin: registers the {@code board://NAME/uart0?sim=DIR} scheme, a simulated board's UART
 * as a channel, so that a simulated board can be bridged to a real serial port or a remote host.
 */
public final class NodemcuActivator implements BundleActivator {
    private BoardProvider provider;

    @Override
    public void start(BundleContext context) {
        provider = new BoardProvider(BoardProvider.defaultHome());
        context.registerService(ChannelProvider.class, provider, null);
    }

    @Override
    public void stop(BundleContext context) {
        // the framework unregisters the service; the simulations stop with their channels
        if (provider != null) {
            provider.close();
        }
    }
}
