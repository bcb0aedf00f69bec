package io.espdesk.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package rules of ARCHITECTURE.md, checked against the compiled main classes of every module (tests aside):
 * no cycle among io.espdesk packages, every package in the table, and no use the table does not allow.
 */
class PackageRulesTest {
    private static final String OURS = "io.espdesk";
    private static JavaClasses classes;
    private static Map<String, Set<String>> mayUse;

    @BeforeAll
    static void importClasses() throws IOException {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(OURS);
        mayUse = table(Files.readString(Path.of(System.getProperty("architecture.md", "../../ARCHITECTURE.md"))));
    }

    /** The rows of the "Which package may use which" table: package to the packages it may use. */
    static Map<String, Set<String>> table(String markdown) {
        Map<String, Set<String>> rules = new TreeMap<>();
        Matcher row = Pattern.compile("(?m)^\\| `(io\\.espdesk[\\w.]*)` \\| (.*?) \\|$").matcher(markdown);
        while (row.find()) {
            Set<String> allowed = new TreeSet<>();
            Matcher use = Pattern.compile("`([\\w.]+)`").matcher(row.group(2));
            while (use.find()) {
                allowed.add(OURS + "." + use.group(1));
            }
            rules.put(row.group(1), allowed);
        }
        return rules;
    }

    @Test
    void theTableIsRead() {
        assertTrue(mayUse.size() >= 20, "ARCHITECTURE.md's table has " + mayUse.size() + " rows: " + mayUse.keySet());
        assertEquals(Set.of(), mayUse.get("io.espdesk.sim.engine"), "the engine uses nothing of ours");
        assertTrue(classes.size() > 100, "the modules' classes were found on the class path: " + classes.size());
    }

    @Test
    void noPackageCycles() {
        slices().matching("io.espdesk.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void everyPackageIsInTheTable() {
        Set<String> missing = new TreeSet<>();
        for (JavaClass c : classes) {
            if (c.getPackageName().startsWith(OURS) && !mayUse.containsKey(c.getPackageName())) {
                missing.add(c.getPackageName());
            }
        }
        assertEquals(Set.of(), missing, "packages ARCHITECTURE.md does not list (add a row saying what each may use)");
    }

    @Test
    void everyPackageUsesOnlyWhatTheTableAllows() {
        assertEquals(List.of(), violations(mayUse), "uses that ARCHITECTURE.md's table does not allow");
    }

    @Test
    void aUseTheTableDoesNotListIsCaught() {
        // the check is only as good as its reading of the table: with the modules allowed the Lua VM alone, their
        // real use of the engine must be reported
        Map<String, Set<String>> wrong = new TreeMap<>(mayUse);
        wrong.putAll(table("| `io.espdesk.nodemcu.modules` | `nodemcu.lua` |\n"));
        List<String> found = violations(wrong);
        assertTrue(found.stream().anyMatch(v -> v.startsWith("io.espdesk.nodemcu.modules uses io.espdesk.sim.engine")), found.toString());
    }

    /** One line per (package, used package) pair the table does not allow, naming the first such use. */
    private static List<String> violations(Map<String, Set<String>> rules) {
        List<String> broken = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (JavaClass c : classes) {
            String from = c.getPackageName();
            Set<String> allowed = rules.getOrDefault(from, Set.of());
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                String to = d.getTargetClass().getPackageName();
                if (to.startsWith(OURS) && !to.equals(from) && !allowed.contains(to) && seen.add(from + " -> " + to)) {
                    broken.add(from + " uses " + to + " (first: " + d.getDescription() + ")");
                }
            }
        }
        return broken;
    }
}
