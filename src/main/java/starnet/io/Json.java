package starnet.io;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.util.ArrayList;
import java.util.List;

/**
 * The project's Jackson mappers. {@link #MAPPER}: pretty output, unknown properties tolerated (newer minor fields).
 * {@link #STRICT}, for what a person or another program hands us (configurations, the manifests inside .starnet files):
 * a key given twice, a second document after the first, a fraction where a whole number belongs, a text or a boolean
 * where a number belongs, or null for a number are refused, never coerced.
 */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public static final ObjectMapper STRICT = com.fasterxml.jackson.databind.json.JsonMapper.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(com.fasterxml.jackson.databind.MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private Json() {}
    /** What a reader's failure means, without its class names: the key's path and what it expected. */
    public static String explain(com.fasterxml.jackson.core.JsonProcessingException e) {
        if (e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException m && !m.getPath().isEmpty()) {
            String key = path(m);
            Class<?> t = m.getTargetType();
            String expected = t == null ? "another value"
                    : t == int.class || t == Integer.class || t == long.class || t == Long.class ? "a whole number"
                    : t == double.class || t == Double.class ? "a number"
                    : t.isEnum() ? "one of " + enumIds(t)
                    : java.util.List.class.isAssignableFrom(t) ? "a list such as [128, 256]"
                    : t == String.class ? "a text value" : "another value";
            String got = m instanceof com.fasterxml.jackson.databind.exc.InvalidFormatException f ? ", got " + f.getValue() : "";
            return key + ": expected " + expected + got;
        }
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            if (c instanceof IllegalArgumentException own && own.getMessage() != null) { // a record's own check, in its own words
                String key = e instanceof com.fasterxml.jackson.databind.JsonMappingException jm ? path(jm) : "";
                return (key.isEmpty() ? "" : key + ": ") + own.getMessage();
            }
        }
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException jm && !jm.getPath().isEmpty()
                && (e.getOriginalMessage() == null || e.getOriginalMessage().startsWith("Cannot construct") || e.getOriginalMessage().contains("null"))) {
            return path(jm) + ": missing or not the expected kind of value";
        }
        var loc = e.getLocation();
        String msg = e.getOriginalMessage() == null ? "malformed" : e.getOriginalMessage().split("\n")[0];
        java.util.regex.Matcher dup = java.util.regex.Pattern.compile("Duplicate (?:field|Object property) '([^']*)'").matcher(msg);
        if (dup.find()) msg = "the key '" + dup.group(1) + "' is given twice";
        else if (msg.startsWith("Trailing token")) msg = "more follows the end of the JSON object (one object per file)";
        msg = msg.replaceAll("\\(class [^)]*\\)", "").replaceAll("`[^`]*`", "value").replaceAll("\\s+", " ").trim();
        return msg + (loc != null && loc.getLineNr() > 0 ? " at line " + loc.getLineNr() + ", column " + loc.getColumnNr() : "");
    }


    /** "architecture.widths[1]" for the key a mapping failure is about. */
    static String path(com.fasterxml.jackson.databind.JsonMappingException m) {
        StringBuilder key = new StringBuilder();
        for (var ref : m.getPath()) {
            if (ref.getFieldName() != null) key.append(key.length() == 0 ? "" : ".").append(ref.getFieldName());
            else if (ref.getIndex() >= 0) key.append('[').append(ref.getIndex()).append(']');
        }
        return key.toString();
    }

    static String enumIds(Class<?> t) {
        List<String> ids = new ArrayList<>();
        for (Object c : t.getEnumConstants()) ids.add(c.toString().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        return String.join(", ", ids);
    }
}
