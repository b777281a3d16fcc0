package starnet.session;

import java.io.IOException;

/** The plain words for what went wrong, for the window and the command line (no Java or library names). */
public final class Messages {
    private static final java.util.concurrent.atomic.AtomicBoolean UNPACKING_SAID = new java.util.concurrent.atomic.AtomicBoolean();

    private Messages() {}

    /**
     * The one line a person sees for {@code e} when it is their input's fault (a {@link UserError}, data that cannot be
     * read as what it claims), else null: an internal error, whose detail goes to the log.
     */
    public static String forUser(Throwable e) {
        if (e instanceof UserError || e instanceof starnet.model.DataException) return e.getMessage();
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof starnet.math.NumericalFailure n) {
                AppLog.error("numerical failure", e);
                return "The solve could not finish: " + n.getMessage() + ". The values it was given are too large, not finite or too "
                        + "ill-conditioned; check the model and data, or try --solver cholesky or a larger --ridge.";
            }
        }
        return null;
    }

    /**
     * Said once, on the first start of this build on a machine: where the native linear algebra was unpacked and how
     * much it takes; null on every later start (and when it did not load).
     */
    public static String nativeLibraryUnpacked() {
        java.nio.file.Path folder = starnet.math.OpenBlasLinearAlgebra.unpackedInto();
        if (folder == null || UNPACKING_SAID.getAndSet(true)) return null;
        String size = "";
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(folder)) {
            size = String.format(java.util.Locale.ROOT, " (%d MB)", Math.round(files.filter(f -> java.nio.file.Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS)).mapToLong(f -> f.toFile().length()).sum() / 1e6));
        } catch (IOException | java.io.UncheckedIOException e) { // the size is a courtesy: the sentence stands without it
        }
        return "First start: the OpenBLAS native library" + size + " was unpacked into " + folder + ", once; later starts use it "
                + "(delete the folder to reclaim the space).";
    }

    /** The application's version ("dev" when run from classes). */
    public static String version() {
        return starnet.io.Version.get();
    }

    /** What an I/O failure means, in a few plain words (the file named once). */
    public static String describe(IOException e) {
        return starnet.model.IoMessages.describe(e);
    }
}
