package io.espdesk.nodemcu.osgi;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * The nodemcu runtime as a plugin. It registers no address scheme yet: {@code board://NAME/uart0} channels
 * (issue: serial bridge) will be registered here. Starting it proves LuaJ and Gson resolve inside the bundle.
 */
public final class NodemcuActivator implements BundleActivator {
    @Override
    public void start(BundleContext context) {
        // nothing to register yet; see the class comment
    }

    @Override
    public void stop(BundleContext context) {
        // nothing registered
    }
}
