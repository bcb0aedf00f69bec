package io.espdesk.host.felix;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.osgi.framework.BundleException;

/** Turns Felix's exceptions into the one short reason a user needs. */
final class FailureReasons {
    private static final Pattern MISSING_PACKAGE = Pattern.compile("osgi\\.wiring\\.package=([^)\\s]+)\\)");

    private FailureReasons() {
    }

    /** The package a bundle could not import, or null when the failure is something else. */
    static String missingPackage(BundleException e) {
        Matcher m = MISSING_PACKAGE.matcher(String.valueOf(e.getMessage()));
        return m.find() ? m.group(1) : null;
    }

    static String of(Throwable e) {
        if (e instanceof BundleException) {
            BundleException be = (BundleException) e;
            String pkg = missingPackage(be);
            if (pkg != null) {
                return "cannot resolve: missing package " + pkg + " (it will start when a plugin exporting it is added)";
            }
            if (be.getType() == BundleException.ACTIVATOR_ERROR && be.getCause() != null) {
                Throwable c = be.getCause();
                return "its start threw " + c.getClass().getName() + (c.getMessage() == null ? "" : ": " + c.getMessage());
            }
            if (be.getType() == BundleException.DUPLICATE_BUNDLE_ERROR) {
                return "the same bundle (symbolic name and version) is already installed from another file";
            }
        }
        String msg = e.getMessage();
        return e.getClass().getSimpleName() + (msg == null ? "" : ": " + firstLine(msg));
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
