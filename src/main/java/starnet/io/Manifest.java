package starnet.io;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One node of the manifest inside a .starnet file, read strictly: every accessor checks the kind and range of what it
 * reads and, when it is wrong, says where and what was expected ("steps[3].layer: expected a whole number from 1 to 2,
 * got -1") — a value is never coerced (true is not 1, 1.5 is not 1, "5" is not 5). Immutable.
 */
final class Manifest {
    /** What a reader finds wrong, in full ("F: the file is damaged: KEY: WHAT"); readers rethrow it as their checked exception. */
    static final class Damaged extends RuntimeException {
        Damaged(String message) { super(message); }
    }

    private final Path file;
    private final JsonNode node;
    private final String path;

    private Manifest(Path file, JsonNode node, String path) {
        this.file = file;
        this.node = node;
        this.path = path;
    }

    /** The manifest's root object. */
    static Manifest root(Path file, JsonNode node) {
        Manifest m = new Manifest(file, node, "");
        if (node == null || !node.isObject()) throw m.damaged("the manifest is not a JSON object");
        return m;
    }

    /** The complaint about this file: "F: the file is damaged: KEY: WHAT". */
    Damaged damaged(String what) {
        return new Damaged(file + ": the file is damaged: " + (path.isEmpty() ? "" : path + ": ") + what);
    }

    private String at(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    boolean has(String key) {
        return node.hasNonNull(key);
    }

    /** The value at {@code key}, which must be there (not null). */
    private JsonNode required(String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) throw new Manifest(file, node, at(key)).damaged("missing");
        return v;
    }

    private Damaged wrong(String key, String expected, JsonNode got) {
        return new Manifest(file, got, at(key)).expected(expected);
    }

    /** This node is not what the reader expected: "expected {@code what}, got …" (what it holds, cut at 40 characters). */
    private Damaged expected(String what) {
        String shown = node.toString();
        return damaged("expected " + what + ", got " + (shown.length() > 40 ? shown.substring(0, 40) + "…" : shown));
    }

    /** The value at {@code key}, which must be there, read by the element readers ({@code as…}). */
    private Manifest child(String key) {
        return new Manifest(file, required(key), at(key));
    }

    /** The object at {@code key}. */
    Manifest object(String key) {
        JsonNode v = required(key);
        if (!v.isObject()) throw wrong(key, "an object", v);
        return new Manifest(file, v, at(key));
    }

    /** The raw node at {@code key} (for a record read by its own rules), or null when absent. */
    JsonNode raw(String key) {
        return node.get(key);
    }

    /** A whole number in [{@code min}, {@code max}]. */
    long whole(String key, long min, long max) {
        return child(key).asWhole(min, max);
    }

    int wholeInt(String key, int min, int max) {
        return (int) whole(key, min, max);
    }

    /** A finite number in [{@code min}, {@code max}]. */
    double number(String key, double min, double max) {
        Manifest v = child(key);
        if (!v.node.isNumber() || !Double.isFinite(v.node.asDouble()) || v.node.asDouble() < min || v.node.asDouble() > max) {
            throw v.expected("a number from " + min + " to " + max);
        }
        return v.node.asDouble();
    }

    /** A finite number ≥ {@code min}, or {@code ifNull} where the file holds null. */
    double numberOrNull(String key, double min, double ifNull) {
        JsonNode v = node.get(key);
        if (v == null) throw new Manifest(file, node, at(key)).damaged("missing");
        double x = new Manifest(file, v, at(key)).asNumberOrNaN(min);
        return Double.isNaN(x) ? ifNull : x;
    }

    String text(String key) {
        JsonNode v = required(key);
        if (!v.isTextual()) throw wrong(key, "a text value", v);
        return v.asText();
    }

    boolean flag(String key) {
        return child(key).asFlag();
    }

    /** One of {@code type}'s constants, by its name; null where the file holds null and {@code nullable}. */
    <E extends Enum<E>> E choice(String key, Class<E> type, boolean nullable) {
        JsonNode v = node.get(key);
        if (nullable && v != null && v.isNull()) return null;
        v = required(key);
        List<String> names = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            names.add(e.name());
            if (v.isTextual() && e.name().equals(v.asText())) return e;
        }
        throw wrong(key, "one of " + String.join(", ", names), v);
    }

    /** The text at {@code key}, which must be one of {@code allowed}; {@code absent} when the key is not there. */
    String oneOf(String key, String absent, String... allowed) {
        if (!node.has(key)) return absent;
        JsonNode v = required(key);
        for (String a : allowed) if (v.isTextual() && a.equals(v.asText())) return a;
        throw wrong(key, "one of " + String.join(", ", allowed), v);
    }

    /** The array at {@code key}, as its elements. */
    List<Manifest> items(String key) {
        JsonNode v = required(key);
        if (!v.isArray()) throw wrong(key, "a list", v);
        List<Manifest> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) out.add(new Manifest(file, v.get(i), at(key) + "[" + i + "]"));
        return out;
    }

    /** This node as a list (an element of a list that is a list itself), as its elements. */
    List<Manifest> asItems() {
        if (!node.isArray()) throw expected("a list");
        List<Manifest> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) out.add(new Manifest(file, node.get(i), path + "[" + i + "]"));
        return out;
    }

    /** The array at {@code key} of whole numbers in [{@code min}, {@code max}]. */
    int[] wholes(String key, int min, int max) {
        JsonNode v = required(key);
        if (!v.isArray()) throw wrong(key, "a list of whole numbers", v);
        int[] out = new int[v.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode e = v.get(i);
            if (!e.isIntegralNumber() || !e.canConvertToInt() || e.asInt() < min || e.asInt() > max) {
                throw wrong(key + "[" + i + "]", "a whole number from " + min + " to " + max, e);
            }
            out[i] = e.asInt();
        }
        return out;
    }

    /** This node as a whole number (an element of a list). */
    long asWhole(long min, long max) {
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.asLong() < min || node.asLong() > max) {
            throw expected("a whole number from " + min + " to " + max);
        }
        return node.asLong();
    }

    boolean isText() { return node.isTextual(); }

    String asText() { return node.asText(); }

    /** This node as a flag (an element of a list). */
    boolean asFlag() {
        if (!node.isBoolean()) throw expected("true or false");
        return node.asBoolean();
    }

    /** This node as a finite number ≥ {@code min} (an element of a list). */
    double asNumber(double min) {
        if (!node.isNumber() || !Double.isFinite(node.asDouble()) || node.asDouble() < min) throw expected("a number ≥ " + min);
        return node.asDouble();
    }

    /** This node as a finite number ≥ {@code min}, or NaN for null (an element of a list). */
    double asNumberOrNaN(double min) {
        if (node.isNull()) return Double.NaN;
        if (!node.isNumber() || !Double.isFinite(node.asDouble()) || node.asDouble() < min) throw expected("a number ≥ " + min + " or null");
        return node.asDouble();
    }

    /** The record at {@code key} read by Jackson strictly, a failure said in the file's own terms; null when absent. */
    <T> T record(String key, Class<T> type) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) return null;
        try {
            return Json.STRICT.treeToValue(v, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new Manifest(file, node, at(key)).damaged(Json.explain(e));
        } catch (IllegalArgumentException e) {
            throw new Manifest(file, node, at(key)).damaged(e.getMessage());
        }
    }
}
