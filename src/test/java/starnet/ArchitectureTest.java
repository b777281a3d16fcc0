package starnet;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The layers, as rules on the compiled classes (DESIGN §6): the engine and the session layer never
 * reach up to the window or the command line, nor into JavaFX; math stands alone; the model does not
 * know the trainer; the command line does not know the window; no two packages depend on each other.
 * Each rule is also run on a fixture that breaks it ({@code ArchitectureFixture*} classes in the test
 * sources), so a rule that stopped biting would fail here.
 */
class ArchitectureTest {
    static final String[] ENGINE = {"starnet.math..", "starnet.model..", "starnet.training..", "starnet.data..", "starnet.io..",
            "starnet.baseline..", "starnet.session..", "starnet.figures..", "starnet.spark..", "starnet.explore..", "starnet.store.."};

    static final ArchRule ENGINE_NEVER_REACHES_UP = noClasses().that().resideInAnyPackage(ENGINE)
            .should().dependOnClassesThat().resideInAnyPackage("starnet.ui..", "starnet.cli..", "javafx..")
            .because("the engine and the session layer run without a window (the CLI, tests, a server)");
    static final ArchRule MATH_STANDS_ALONE = noClasses().that().resideInAPackage("starnet.math..")
            .should().dependOnClassesThat().resideInAnyPackage("starnet.model..", "starnet.training..", "starnet.data..", "starnet.io..",
                    "starnet.baseline..", "starnet.session..", "starnet.ui..", "starnet.cli..")
            .because("the linear-algebra seam knows no other starnet package");
    static final ArchRule MODEL_NEVER_ON_TRAINING = noClasses().that().resideInAPackage("starnet.model..")
            .should().dependOnClassesThat().resideInAPackage("starnet.training..")
            .because("the model describes decoders and their results; training uses it, not the other way round");
    static final ArchRule CLI_NEVER_ON_UI = noClasses().that().resideInAPackage("starnet.cli..")
            .should().dependOnClassesThat().resideInAPackage("starnet.ui..")
            .because("the command line runs without a display");
    static final ArchRule NO_CYCLES = slices().matching("starnet.(**)").should().beFreeOfCycles();

    /**
     * The matrix is the model's own value type (images, weights and latents in its records), though it lives with the
     * linear algebra: the window draws it and the command line never touches it. It is the one class outside the session
     * and the model that either may name.
     */
    static final String MATRIX = "starnet.math.Matrix";

    /**
     * Classes of the window or the command line allowed to reach past the session, each with its reason. None today:
     * every figure, job and file the window and the command line need is a session operation.
     */
    static final java.util.Set<String> ALLOWED_PAST_THE_SESSION = java.util.Set.of();

    static final ArchRule UI_ONLY_ON_SESSION_AND_MODEL = classes().that().resideInAPackage("starnet.ui..")
            .and(com.tngtech.archunit.base.DescribedPredicate.describe("not allow-listed", c -> !ALLOWED_PAST_THE_SESSION.contains(c.getName())))
            .should().onlyDependOnClassesThat(com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage("starnet.ui..", "starnet.session..",
                    "starnet.model..", "javafx..", "org.controlsfx..", "org.commonmark..", "com.google.errorprone.annotations..", "java..", "javax..", "").or(com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo(starnet.math.Matrix.class)))
            .because("the window is a view over the session: every operation goes through starnet.session, every value is of starnet.model");
    static final ArchRule CLI_ONLY_ON_SESSION_AND_MODEL = classes().that().resideInAPackage("starnet.cli..")
            .and(com.tngtech.archunit.base.DescribedPredicate.describe("not allow-listed", c -> !ALLOWED_PAST_THE_SESSION.contains(c.getName())))
            .should().onlyDependOnClassesThat().resideInAnyPackage("starnet.cli..", "starnet.session..", "starnet.model..", "picocli..", "java..", "")
            .because("the command line is a shell over the session: it parses options into values and calls session operations");

    static final ArchRule[] RULES = {ENGINE_NEVER_REACHES_UP, MATH_STANDS_ALONE, MODEL_NEVER_ON_TRAINING, CLI_NEVER_ON_UI, NO_CYCLES,
            UI_ONLY_ON_SESSION_AND_MODEL, CLI_ONLY_ON_SESSION_AND_MODEL};

    private static final JavaClasses MAIN = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("starnet");

    @Test
    void theEngineNeverReachesUp() { ENGINE_NEVER_REACHES_UP.check(MAIN); }

    @Test
    void mathStandsAlone() { MATH_STANDS_ALONE.check(MAIN); }

    @Test
    void theModelNeverUsesTraining() { MODEL_NEVER_ON_TRAINING.check(MAIN); }

    @Test
    void theCliNeverUsesTheWindow() { CLI_NEVER_ON_UI.check(MAIN); }

    @Test
    void noPackageCycles() { NO_CYCLES.check(MAIN); }

    @Test
    void theWindowUsesOnlyTheSessionAndTheModel() { UI_ONLY_ON_SESSION_AND_MODEL.check(MAIN); }

    @Test
    void theCommandLineUsesOnlyTheSessionAndTheModel() { CLI_ONLY_ON_SESSION_AND_MODEL.check(MAIN); }

    @Test
    void theAllowListIsShort() {
        assertTrue(ALLOWED_PAST_THE_SESSION.size() <= 5, "at most five classes may reach past the session, each with its reason");
    }

    @Test
    void theRulesCoverTheMainClasses() {
        assertTrue(MAIN.contain(starnet.session.WorkbenchSession.class) && MAIN.contain(starnet.ui.WorkbenchApp.class));
        assertFalse(MAIN.stream().anyMatch(c -> c.getSimpleName().startsWith("ArchitectureFixture")), "fixtures are not main classes");
    }

    @Test
    void everyRuleBitesOnAFixtureThatBreaksIt() {
        JavaClasses fixtures = new ClassFileImporter().importClasses(
                starnet.training.ArchitectureFixtureUsesJavaFx.class, starnet.math.ArchitectureFixtureUsesModel.class,
                starnet.model.ArchitectureFixtureUsesTraining.class, starnet.cli.ArchitectureFixtureUsesUi.class,
                starnet.training.Cancellation.class);
        assertFalse(ENGINE_NEVER_REACHES_UP.evaluate(fixtures).getFailureReport().isEmpty(), "engine → JavaFX");
        assertFalse(MATH_STANDS_ALONE.evaluate(fixtures).getFailureReport().isEmpty(), "math → model");
        assertFalse(MODEL_NEVER_ON_TRAINING.evaluate(fixtures).getFailureReport().isEmpty(), "model → training");
        assertFalse(CLI_NEVER_ON_UI.evaluate(fixtures).getFailureReport().isEmpty(), "cli → ui");
        JavaClasses past = new ClassFileImporter().importClasses(starnet.ui.ArchitectureFixtureUiUsesTraining.class,
                starnet.cli.ArchitectureFixtureCliUsesIo.class, starnet.training.Cancellation.class, starnet.io.Json.class);
        assertFalse(UI_ONLY_ON_SESSION_AND_MODEL.evaluate(past).getFailureReport().isEmpty(), "ui → training");
        assertFalse(CLI_ONLY_ON_SESSION_AND_MODEL.evaluate(past).getFailureReport().isEmpty(), "cli → io");
        JavaClasses cycle = new ClassFileImporter().importClasses(starnet.model.ArchitectureFixtureUsesTraining.class,
                starnet.training.ArchitectureFixtureUsesJavaFx.class);
        assertFalse(NO_CYCLES.evaluate(cycle).getFailureReport().isEmpty(), "model → training → model");
    }
}
