package starnet;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The licence is consistent: a LICENSE file, every bundled dependency listed with its licence, nothing GPL-only bundled. */
class LicenceTest {
    @Test
    void everyBundledDependencyIsListedAndNoneIsGplOnly() throws Exception {
        String notices = Files.readString(Path.of("THIRD-PARTY-NOTICES.md"));
        assertTrue(Files.readString(Path.of("LICENSE")).startsWith("MIT License"));
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
        NodeList deps = doc.getElementsByTagName("dependency");
        int bundled = 0;
        for (int i = 0; i < deps.getLength(); i++) {
            Element d = (Element) deps.item(i);
            if (d.getParentNode().getParentNode().getNodeName().equals("dependencyManagement")) continue;
            String scope = text(d, "scope");
            if (scope.equals("test") || scope.equals("provided")) continue;
            String artifact = text(d, "artifactId");
            assertTrue(notices.contains("`" + text(d, "groupId") + ":" + artifact + "`") || notices.contains("`" + artifact + "`"),
                    artifact + " is bundled but not in THIRD-PARTY-NOTICES.md");
            bundled++;
        }
        assertTrue(bundled >= 10, "found the runtime dependencies: " + bundled);
        for (String line : notices.split("\n")) {
            if (!line.startsWith("| ") || line.startsWith("| library")) continue;
            String lower = line.toLowerCase(Locale.ROOT);
            assertFalse(lower.contains("gpl") && !lower.contains("classpath exception"), "GPL without the Classpath Exception is bundled: " + line);
        }
        assertFalse(Files.readString(Path.of("pom.xml")).contains("jfreesvg"), "JFreeSVG (GPL v3) is not bundled");
    }

    private static String text(Element e, String tag) {
        NodeList n = e.getElementsByTagName(tag);
        return n.getLength() == 0 ? "" : n.item(0).getTextContent().trim();
    }
}
