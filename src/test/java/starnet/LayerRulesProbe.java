package starnet;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

class LayerRulesProbe {
    @Test
    void probe() {
        JavaClasses main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("starnet");
        var ui = classes().that().resideInAPackage("starnet.ui..").should().onlyDependOnClassesThat()
                .resideInAnyPackage("starnet.ui..", "starnet.session..", "starnet.model..", "javafx..", "org.controlsfx..", "java..", "javax..", "");
        var cli = classes().that().resideInAPackage("starnet.cli..").should().onlyDependOnClassesThat()
                .resideInAnyPackage("starnet.cli..", "starnet.session..", "starnet.model..", "picocli..", "java..", "javax..", "");
        java.util.Map<String, java.util.Set<String>> byTarget = new java.util.TreeMap<>();
        for (var r : new com.tngtech.archunit.lang.ArchRule[] {ui, cli}) {
            for (String line : r.evaluate(main).getFailureReport().getDetails()) {
                var m = java.util.regex.Pattern.compile("<(starnet\\.[a-z]+\\.[A-Za-z]+)[^>]*>.*?<(starnet\\.[a-z]+\\.[A-Za-z]+)").matcher(line);
                if (m.find()) byTarget.computeIfAbsent(m.group(2), k -> new java.util.TreeSet<>()).add(m.group(1));
            }
        }
        byTarget.forEach((t, s) -> System.out.println("TARGET " + t + " <- " + s));
    }
}
