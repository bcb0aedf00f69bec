package io.espdesk.host.testplugins;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** A plugin whose start throws, as a buggy plugin would. */
public final class ThrowingActivator implements BundleActivator {
    @Override
    public void start(BundleContext context) {
        throw new IllegalStateException("boom from the activator");
    }

    @Override
    public void stop(BundleContext context) {
    }
}
