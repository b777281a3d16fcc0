package starnet.io;

import org.junit.jupiter.api.Test;
import starnet.model.StarNetConfig;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Configuration files: partial ones take the defaults, unknown keys are refused by name, every message is in plain words. */
class ConfigJsonTest {
    private static StarNetConfig read(String json) {
        return ConfigJson.read(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String refused(String json) {
        ConfigJson.ConfigException e = assertThrows(ConfigJson.ConfigException.class, () -> read(json));
        assertFalse(e.getMessage().matches("(?s).*(Exception|com\\.fasterxml|java\\.|starnet\\.|`|Cannot construct).*"),
                "a library or class name reached the user: " + e.getMessage());
        return e.getMessage();
    }

    @Test
    void aPartialConfigurationTakesTheDocumentedDefaults() {
        StarNetConfig c = read("{\"architecture\": {\"widths\": [512, 256]}}");
        assertEquals(List.of(512, 256), c.architecture().widths());
        assertEquals(0.5, c.architecture().slope());
        assertEquals(StarNetConfig.defaults().training(), c.training());
        assertEquals(StarNetConfig.defaults().data(), c.data());
        assertEquals(StarNetConfig.defaults(), read("{}"));
    }

    @Test
    void everyConfigurationWrittenReadsBackEqual() throws Exception {
        StarNetConfig c = StarNetConfig.defaults().withTraining(StarNetConfig.defaults().training().withSeed(7).withLatentPath(starnet.model.LatentPath.CG));
        assertEquals(c, ConfigJson.read(Json.MAPPER.writeValueAsBytes(c)));
    }

    @Test
    void theCsvLayoutIsPartOfTheDataAndReadsBack() throws Exception {
        StarNetConfig c = read("{\"data\": {\"source\": \"digits.csv\", \"csv\": {\"label\": \"last\", \"shape\": [8, 8], \"maxValue\": 16}}}");
        assertEquals(new starnet.model.CsvLayout(starnet.model.LabelColumn.LAST, List.of(8, 8), 16), c.data().csv());
        assertEquals(c, ConfigJson.read(Json.MAPPER.writeValueAsBytes(c)));
        assertEquals(starnet.model.CsvLayout.defaults(), read("{\"data\": {\"source\": \"a.csv\"}}").data().csv());
        String label = refused("{\"data\": {\"csv\": {\"label\": \"middle\"}}}");
        assertTrue(label.contains("middle") && label.contains("first, last or none"), label);
        String shape = refused("{\"data\": {\"csv\": {\"shape\": [8]}}}");
        assertTrue(shape.contains("height×width"), shape);
        String typo = refused("{\"data\": {\"csv\": {\"labels\": \"none\"}}}");
        assertTrue(typo.contains("data.csv.labels") && typo.contains("maxValue"), typo);
    }

    @Test
    void unknownKeysAreRefusedWithTheValidOnes() {
        String flat = refused("{\"widths\": [512, 256]}");
        assertTrue(flat.contains("unknown key 'widths'") && flat.contains("architecture") && flat.contains("training"), flat);
        String typo = refused("{\"training\": {\"epoch\": 3}}");
        assertTrue(typo.contains("unknown key 'training.epoch'") && typo.contains("maxEpochs"), typo);
    }

    @Test
    void wrongValuesSayWhichKeyAndWhatItExpects() {
        String word = refused("{\"training\": {\"maxEpochs\": \"many\"}}");
        assertTrue(word.startsWith("training.maxEpochs: expected a whole number"), word);
        String slope = refused("{\"architecture\": {\"slope\": 0}}");
        assertTrue(slope.contains("slope"), slope);
        String solver = refused("{\"training\": {\"solver\": \"qr\"}}");
        assertTrue(solver.contains("qr") && solver.contains("cholesky"), solver);
        String list = refused("{\"architecture\": {\"widths\": 128}}");
        assertTrue(list.startsWith("architecture.widths"), list);
        String json = refused("{\"training\": ");
        assertTrue(json.startsWith("not valid JSON"), json);
        assertTrue(refused("[1, 2]").contains("JSON object"));
    }
}
