package io.espdesk.host.testplugins;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** A plugin whose start blocks (as one waiting on a device might); the host must not wait for it. */
public final class BlockingActivator implements BundleActivator {
    @Override
    public void start(BundleContext context) throws InterruptedException {
        Thread.sleep(120_000);
    }

    @Override
    public void stop(BundleContext context) {
    }
}
