package io.espdesk.host.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.espdesk.api.ChannelAddress;
import io.espdesk.host.conf.LinkSpec;
import io.espdesk.host.testplugins.LoopbackTcpProvider;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A link whose scheme no plugin provides: it says which, what there is, and the closest; and comes up when it arrives. */
class LinkWaitingTest {
    @Test
    void aTypoInASchemeNamesItselfAndTheClosestAndTheLinkStillWaits() throws Exception {
        SchemeRegistry registry = new SchemeRegistry();
        registry.add(new LoopbackTcpProvider("tcp"), "test");
        registry.add(new LoopbackTcpProvider("tcp-listen"), "test");
        List<String> lines = new CopyOnWriteArrayList<>();
        Link link = new Link(new LinkSpec("conf1", ChannelAddress.parse("tpc://127.0.0.1:9"), ChannelAddress.parse("tcp-listen://127.0.0.1:0")),
                registry, lines::add, Set.of());
        link.start();
        try {
            awaitFirst(lines);
            assertEquals(List.of("link conf1: waiting for a plugin for scheme 'tpc' (schemes now: tcp, tcp-listen; did you mean 'tcp'?)"), lines);
            assertEquals(Link.State.WAITING, link.state());
            registry.add(new LoopbackTcpProvider("tpc"), "a plugin that really is called so");
            long end = System.currentTimeMillis() + 5_000;
            while (link.state() == Link.State.WAITING && System.currentTimeMillis() < end) {
                Thread.sleep(10);
            }
            assertTrue(link.state() != Link.State.WAITING, "still waiting once the scheme exists: " + lines);
        } finally {
            link.stop();
        }
    }

    @Test
    void twoMissingSchemesAreBothNamed() throws Exception {
        SchemeRegistry registry = new SchemeRegistry();
        List<String> lines = new CopyOnWriteArrayList<>();
        Link link = new Link(new LinkSpec("l", ChannelAddress.parse("serial:/dev/ttyUSB0"), ChannelAddress.parse("tcp://127.0.0.1:9")),
                registry, lines::add, Set.of());
        link.start();
        try {
            awaitFirst(lines);
            assertEquals(List.of("link l: waiting for plugins for schemes 'serial' and 'tcp' (no plugin provides any scheme yet)"), lines);
        } finally {
            link.stop();
        }
    }

    /** Waits (5 s at most) for the link's first line. */
    private static void awaitFirst(List<String> lines) throws InterruptedException {
        long end = System.currentTimeMillis() + 5_000;
        while (lines.isEmpty() && System.currentTimeMillis() < end) {
            Thread.sleep(10);
        }
    }
}
