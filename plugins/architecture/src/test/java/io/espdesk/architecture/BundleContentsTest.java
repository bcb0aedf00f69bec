package io.espdesk.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * What each built plugin bundle carries inside: its own code and what it inlines on purpose, never the host, the
 * plugin API (the host exports it), test classes, or (for the serial plugin) anything bound to Netty.
 */
class BundleContentsTest {
    private static final Path ROOT = Path.of(System.getProperty("architecture.md", "../../ARCHITECTURE.md")).getParent();

    /** Bundle jar to the class-name prefixes it must not contain. */
    private static final Map<String, List<String>> FORBIDDEN = Map.of(
            "plugins/tcp/target/espdesk-tcp-0.1.0.jar", List.of("io/espdesk/host/", "io/espdesk/api/"),
            "plugins/websocket/target/espdesk-websocket-0.1.0.jar", List.of("io/espdesk/host/", "io/espdesk/api/"),
            "plugins/serial-bridge/target/espdesk-serial-0.1.0.jar", List.of("io/espdesk/host/", "io/espdesk/api/", "io/netty/",
                    "io/espdesk/netcore/"),
            "plugins/nodemcu/target/espdesk-nodemcu-0.1.0.jar", List.of("io/espdesk/host/", "io/espdesk/api/"));

    /** Test helpers that must stay out of every bundle. */
    private static final List<String> TEST_CLASSES = List.of("Recorder.class", "TestBytes.class", "CuttingProxy.class", "TestBundles.class",
            "Test.class", "IT.class");

    @Test
    void noBundleCarriesTheHostTheApiOrTestClasses() throws IOException {
        for (Map.Entry<String, List<String>> e : FORBIDDEN.entrySet()) {
            Path jar = ROOT.resolve(e.getKey());
            assertTrue(Files.exists(jar), "built before this module: " + jar);
            TreeSet<String> found = new TreeSet<>();
            try (JarFile j = new JarFile(jar.toFile())) {
                j.stream().map(x -> x.getName()).filter(n -> n.endsWith(".class")).forEach(n -> {
                    for (String bad : e.getValue()) {
                        if (n.startsWith(bad)) {
                            found.add(n);
                        }
                    }
                    if (n.startsWith("io/espdesk/") && TEST_CLASSES.stream().anyMatch(n::endsWith)) {
                        found.add(n);
                    }
                });
            }
            assertEquals(new TreeSet<>(), found, e.getKey() + " carries classes it must not");
        }
    }
}
