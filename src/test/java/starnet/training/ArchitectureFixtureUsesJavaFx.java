package starnet.training;

import starnet.model.LeakyRelu;

/** Breaks two rules on purpose (engine → JavaFX; with its model twin, a package cycle); only {@code ArchitectureTest} imports it. */
public final class ArchitectureFixtureUsesJavaFx {
    final javafx.beans.property.SimpleIntegerProperty property = new javafx.beans.property.SimpleIntegerProperty();
    final LeakyRelu activation = new LeakyRelu(0.5);
    starnet.model.ArchitectureFixtureUsesTraining twin;
}
