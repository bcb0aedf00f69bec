/**
 * The espdesk plugin API: everything a plugin may see of the host.
 *
 * <p>One idea: a plugin contributes <em>address schemes</em> ({@code tcp}, {@code ws-listen}, {@code serial} …)
 * by registering a {@link io.espdesk.api.ChannelProvider} as an OSGi service (the whiteboard pattern).
 * The host's link engine opens a {@link io.espdesk.api.Channel} from an address such as
 * {@code tcp://127.0.0.1:7000} and joins it to another channel; bytes written by one side are
 * delivered to the other's {@link io.espdesk.api.Channel#write}.
 *
 * <p>A minimal plugin:
 * <pre>{@code
 * public final class Activator implements BundleActivator {
 *   public void start(BundleContext ctx) {
 *     ctx.registerService(ChannelProvider.class, new EchoProvider(), null);
 *   }
 *   public void stop(BundleContext ctx) { } // the framework unregisters the service
 * }
 * }</pre>
 * Keep {@code start} fast: do blocking work on a thread of your own.
 */
package io.espdesk.api;
