package starnet.ui.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Text files that ship inside the application (the documentation, the licences), read by their resource path. */
public final class BundledText {
    private BundledText() {}

    /** The UTF-8 text of {@code resource}, or null when this build does not carry it. */
    public static String read(String resource) throws IOException {
        try (InputStream in = BundledText.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
