package starnet.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import starnet.model.StarNetConfig;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Configuration JSON, strict and forgiving at once: every key must be one the configuration has (a
 * misspelled key is refused with the list of valid ones), and every key left out takes its documented
 * default, so a partial file such as {@code {"architecture": {"widths": [512, 256]}}} works. Messages are in
 * the project's words: the key's path and what it expects, never a library's or a class's name.
 */
public final class ConfigJson {
    private ConfigJson() {}

    /** A configuration problem, in plain words, naming the key. */
    public static final class ConfigException extends RuntimeException {
        public ConfigException(String message) { super(message); }
    }

    /** Reads a configuration from JSON text. */
    /** Writes {@code config} as the config.json a run leaves beside its outputs (atomically). */
    public static void write(java.nio.file.Path file, StarNetConfig config) throws java.io.IOException {
        AtomicFiles.writeText(file, Json.MAPPER.writeValueAsString(config));
    }

    public static StarNetConfig read(byte[] json) {
        JsonNode tree;
        try {
            tree = Json.STRICT.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ConfigException("not valid JSON (" + plain(e) + ")");
        } catch (java.io.IOException e) {
            throw new ConfigException("cannot be read (" + e.getMessage() + ")");
        }
        return fromTree(tree);
    }

    /** A configuration from a JSON tree: unknown keys refused, missing keys from the defaults. */
    public static StarNetConfig fromTree(JsonNode tree) {
        if (tree == null || !tree.isObject()) throw new ConfigException("expected a JSON object with data, architecture and training");
        JsonNode format = tree.get("format");
        if (format != null && (!format.isIntegralNumber() || format.asLong() < 1 || format.asLong() > StarNetConfig.FORMAT)) {
            throw new ConfigException("format: expected a whole number from 1 to " + StarNetConfig.FORMAT + " (the configuration format), got " + format);
        }
        ObjectNode defaults = Json.MAPPER.valueToTree(StarNetConfig.defaults());
        List<String> unknown = new ArrayList<>();
        ObjectNode merged = merge(defaults, (ObjectNode) tree, "", unknown);
        if (!unknown.isEmpty()) {
            String first = unknown.get(0);
            throw new ConfigException("unknown key '" + first + "'; valid keys " + (first.contains(".") ? "there" : "at the top") + " are "
                    + String.join(", ", keysAt(defaults, first)));
        }
        try {
            return Json.STRICT.treeToValue(merged, StarNetConfig.class);
        } catch (JsonProcessingException e) {
            for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
                if (c instanceof IllegalArgumentException own) { // the configuration's own check, in its own words
                    String key = e instanceof com.fasterxml.jackson.databind.JsonMappingException jm ? path(jm) : "";
                    throw new ConfigException((key.isEmpty() ? "" : key + ": ") + own.getMessage());
                }
            }
            throw new ConfigException(plain(e));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    private static ObjectNode merge(ObjectNode defaults, ObjectNode given, String path, List<String> unknown) {
        ObjectNode out = defaults.deepCopy();
        for (Iterator<Map.Entry<String, JsonNode>> it = given.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
            JsonNode d = defaults.get(e.getKey());
            if (d == null) {
                unknown.add(key);
            } else if (d.isObject() && e.getValue().isObject()) {
                out.set(e.getKey(), merge((ObjectNode) d, (ObjectNode) e.getValue(), key, unknown));
            } else {
                out.set(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    /** The valid keys beside {@code path}'s last key. */
    private static List<String> keysAt(ObjectNode defaults, String path) {
        JsonNode node = defaults;
        String[] parts = path.split("\\.");
        for (int i = 0; i < parts.length - 1; i++) node = node.get(parts[i]);
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    /** "architecture.widths[1]" for the key a mapping failure is about. */
    private static String path(com.fasterxml.jackson.databind.JsonMappingException m) {
        StringBuilder key = new StringBuilder();
        for (var ref : m.getPath()) {
            if (ref.getFieldName() != null) key.append(key.length() == 0 ? "" : ".").append(ref.getFieldName());
            else if (ref.getIndex() >= 0) key.append('[').append(ref.getIndex()).append(']');
        }
        return key.toString();
    }

    /** What a reader's failure means, without its class names: the key's path and what it expected. */
    private static String plain(JsonProcessingException e) {
        return Json.explain(e);
    }
}
