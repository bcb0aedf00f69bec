package io.espdesk.host;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Builds real plugin jars at test time from the compiled classes of {@code io.espdesk.host.testplugins}: a
 * manifest with OSGi headers plus the class files, exactly what maven-bundle-plugin would produce for them.
 */
public final class TestBundles {
    public static final String PKG = "io/espdesk/host/testplugins/";
    private static final String[] CLASSES = {"LoopbackTcpProvider", "LoopbackTcpProvider$1", "SchemeActivator",
            "ThrowingActivator", "BlockingActivator"};

    private final Map<String, String> headers = new LinkedHashMap<>();

    private TestBundles(String symbolicName, String version) {
        headers.put("Bundle-ManifestVersion", "2");
        headers.put("Bundle-SymbolicName", symbolicName);
        headers.put("Bundle-Version", version);
        headers.put("Import-Package", "io.espdesk.api;version=\"[0.1,1)\",org.osgi.framework");
    }

    /** A bundle that provides {@code scheme} (a tiny loopback TCP client). */
    public static TestBundles scheme(String symbolicName, String version, String scheme) {
        TestBundles b = new TestBundles(symbolicName, version);
        b.headers.put("Bundle-Activator", "io.espdesk.host.testplugins.SchemeActivator");
        b.headers.put("Test-Scheme", scheme);
        return b;
    }

    /** A bundle whose activator is {@code activatorSimpleName} of the test plugin package. */
    public static TestBundles activator(String symbolicName, String activatorSimpleName) {
        TestBundles b = new TestBundles(symbolicName, "1.0.0");
        b.headers.put("Bundle-Activator", "io.espdesk.host.testplugins." + activatorSimpleName);
        return b;
    }

    public TestBundles header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** Writes the jar to a temp file first and then moves it into place, as a careful copy would. */
    public Path writeTo(Path dir, String fileName) throws IOException {
        Path tmp = Files.createTempFile("bundle", ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            out.write(bytes());
        }
        return Files.move(tmp, dir.resolve(fileName), StandardCopyOption.REPLACE_EXISTING);
    }

    public byte[] bytes() throws IOException {
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        headers.forEach((k, v) -> mf.getMainAttributes().putValue(k, v));
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bos, mf)) {
            for (String c : CLASSES) {
                String entry = PKG + c + ".class";
                try (InputStream in = TestBundles.class.getClassLoader().getResourceAsStream(entry)) {
                    if (in == null) {
                        throw new IOException("test class not found: " + entry);
                    }
                    jar.putNextEntry(new JarEntry(entry));
                    in.transferTo(jar);
                    jar.closeEntry();
                }
            }
        }
        return bos.toByteArray();
    }
}
