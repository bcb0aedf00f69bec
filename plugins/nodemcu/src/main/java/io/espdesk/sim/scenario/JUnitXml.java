package io.espdesk.sim.scenario;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes scenario reports as JUnit XML (one testsuite per scenario run, one testcase per expectation) for CI. */
public final class JUnitXml {
    private JUnitXml() {
    }

    /** What went wrong, as a user reads it: the JDK's file exceptions carry only a path as their message. */
    public static String reason(IOException e) {
        if (e instanceof java.nio.file.FileAlreadyExistsException) {
            return ((java.nio.file.FileSystemException) e).getFile() + " is a file, not a folder";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied (" + ((java.nio.file.FileSystemException) e).getFile() + ")";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file or folder (" + ((java.nio.file.FileSystemException) e).getFile() + ")";
        }
        if (e instanceof java.nio.file.FileSystemException && ((java.nio.file.FileSystemException) e).getReason() != null) {
            return ((java.nio.file.FileSystemException) e).getReason().toLowerCase() + " (" + ((java.nio.file.FileSystemException) e).getFile() + ")";
        }
        return e.getMessage();
    }

    /** Writes the report, making its folder if needed. */
    public static void write(Path file, List<ScenarioReport> reports) throws IOException {
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n");
        for (ScenarioReport r : reports) {
            long failures = r.results().stream().filter(res -> r.xfail() == null ? !res.passed() : false).count()
                    + (r.xfail() != null && r.allPassed() ? 1 : 0);
            x.append(String.format("  <testsuite name=\"%s\" tests=\"%d\" failures=\"%d\" time=\"%.3f\">%n",
                    esc(r.name() + " (seed " + r.seed() + ")"), r.results().size(), failures, r.wallSeconds()));
            for (ScenarioReport.Result res : r.results()) {
                x.append(String.format("    <testcase classname=\"%s\" name=\"%s\">", esc(r.name()), esc(res.expectation())));
                if (r.xfail() != null) {
                    if (res.passed() && r.allPassed()) {
                        x.append(String.format("<failure message=\"%s\"/>", esc("expected to fail (" + r.xfail() + ") but passed")));
                    } else if (!res.passed()) {
                        x.append(String.format("<skipped message=\"%s\"/>", esc("expected failure: " + r.xfail() + "; " + res.seen())));
                    }
                } else if (!res.passed()) {
                    x.append(String.format("<failure message=\"%s\">%s</failure>", esc(res.seen()), esc(String.join("\n", res.lastLines()))));
                }
                x.append("</testcase>\n");
            }
            x.append("  </testsuite>\n");
        }
        x.append("</testsuites>\n");
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent); // --junit target/scenarios.xml on a fresh clone: target/ is not there yet
        }
        Files.writeString(file, x.toString(), StandardCharsets.UTF_8);
    }

    private static String esc(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<': b.append("&lt;"); break;
                case '>': b.append("&gt;"); break;
                case '&': b.append("&amp;"); break;
                case '"': b.append("&quot;"); break;
                case '\t': b.append("&#9;"); break;
                default:
                    if (c < 0x20 && c != '\n') {
                        b.append('?');
                    } else {
                        b.append(c);
                    }
            }
        }
        return b.toString();
    }
}
