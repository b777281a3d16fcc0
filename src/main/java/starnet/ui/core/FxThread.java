package starnet.ui.core;

import javafx.application.Platform;

/** The window's thread rule, enforced: view-model state changes only on the JavaFX application thread. */
public final class FxThread {
    private FxThread() {}

    /** Fails with an {@link IllegalStateException} anywhere but on the JavaFX application thread. */
    public static void check() {
        if (!Platform.isFxApplicationThread()) {
            throw new IllegalStateException("view-model state changed off the JavaFX thread, on " + Thread.currentThread().getName());
        }
    }
}
