package starnet;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README and docs/ stay whole: every relative link and picture they name exists (a link's #anchor is a heading of
 * its page), every picture under assets/screenshots and assets/figures is shown somewhere, and the README stays a
 * landing page.
 */
class DocsTest {
    private static final Pattern LINK = Pattern.compile("!?\\[[^\\]]*\\]\\(([^)\\s]+)\\)");

    private static List<Path> pages() throws IOException {
        List<Path> out = new ArrayList<>(List.of(Path.of("README.md")));
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(out::add);
        }
        return out;
    }

    /** GitHub's anchors of a page's headings (outside code blocks). */
    private static Set<String> anchors(Path page) throws IOException {
        Set<String> out = new HashSet<>();
        boolean code = false;
        for (String line : Files.readAllLines(page)) {
            if (line.startsWith("```")) code = !code;
            if (!code && line.matches("#{1,6} .*")) {
                String text = line.replaceFirst("#{1,6} ", "").replaceAll("[`*]", "").replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1");
                out.add(text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'));
            }
        }
        return out;
    }

    @Test
    void everyRelativeLinkAndPictureExists() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path page : pages()) {
            Matcher m = LINK.matcher(Files.readString(page));
            while (m.find()) {
                String dest = m.group(1);
                if (dest.contains("://") || dest.startsWith("mailto:")) continue;
                String file = dest.replaceAll("#.*", ""), anchor = dest.contains("#") ? dest.substring(dest.indexOf('#') + 1) : null;
                Path target = file.isEmpty() ? page : page.getParent() == null ? Path.of(file) : page.getParent().resolve(file).normalize();
                if (!Files.exists(target)) broken.add(page + ": " + dest + " (no such file)");
                else if (anchor != null && target.toString().endsWith(".md") && !anchors(target).contains(anchor)) broken.add(page + ": " + dest + " (no such heading)");
            }
        }
        assertEquals(List.of(), broken);
    }

    @Test
    void everyPictureIsShownSomewhere() throws IOException {
        StringBuilder all = new StringBuilder();
        for (Path page : pages()) all.append(Files.readString(page));
        List<String> unused = new ArrayList<>();
        for (String folder : List.of("assets/screenshots", "assets/figures")) {
            try (Stream<Path> files = Files.list(Path.of(folder))) {
                files.filter(p -> p.toString().endsWith(".png")).forEach(p -> {
                    if (!all.toString().contains(folder + "/" + p.getFileName())) unused.add(p.toString());
                });
            }
        }
        assertEquals(List.of(), unused, "pictures no page shows (delete them, or show them)");
    }

    @Test
    void theReadmeIsALandingPage() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        assertTrue(readme.length() <= 10_000, "README.md has " + readme.length() + " characters; the rest belongs in docs/");
        assertTrue(readme.contains("./mvnw -B test"), "the README gives the test command .ci/run calls");
        assertTrue(Files.readString(Path.of(".ci/run")).contains("./mvnw -B test"), ".ci/run calls the README's test command");
    }
}
