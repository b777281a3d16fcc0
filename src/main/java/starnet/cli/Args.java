package starnet.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** {@code --name value} and {@code --flag} arguments; every value is checked with a message that says what was expected. */
public final class Args {
    private final Map<String, String> values = new LinkedHashMap<>();

    /** @param flags names that take no value */
    public Args(String[] argv, int from, Set<String> flags, Set<String> options) {
        for (int i = from; i < argv.length; i++) {
            String a = argv[i];
            if (!a.startsWith("--")) throw new CliException("unexpected argument '" + a + "'; options look like --name value");
            String name = a.substring(2);
            String inline = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                inline = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (flags.contains(name)) {
                values.put(name, "true");
            } else if (options.contains(name)) {
                if (inline == null) {
                    if (i + 1 >= argv.length) throw new CliException("--" + name + " needs a value");
                    inline = argv[++i];
                }
                values.put(name, inline);
            } else {
                throw new CliException("unknown option --" + name + "; see 'help' for the options of this command");
            }
        }
    }

    public boolean has(String name) { return values.containsKey(name); }

    public String get(String name, String def) { return values.getOrDefault(name, def); }

    public String required(String name, String example) {
        String v = values.get(name);
        if (v == null) throw new CliException("--" + name + " is required, e.g. --" + name + " " + example);
        if (v.isBlank()) throw new CliException("--" + name + " needs a value, not an empty one, e.g. --" + name + " " + example);
        return v;
    }

    public int integer(String name, int def, int min) {
        if (!has(name)) return def;
        try {
            int v = Integer.parseInt(values.get(name).trim());
            if (v < min) throw new CliException("--" + name + " must be at least " + min + ", got " + v);
            return v;
        } catch (NumberFormatException e) {
            throw new CliException("--" + name + " expects a whole number, got '" + values.get(name) + "'");
        }
    }

    public long longValue(String name, long def) {
        if (!has(name)) return def;
        try {
            return Long.parseLong(values.get(name).trim());
        } catch (NumberFormatException e) {
            throw new CliException("--" + name + " expects a whole number, got '" + values.get(name) + "'");
        }
    }

    public double decimal(String name, double def) {
        if (!has(name)) return def;
        try {
            double v = Double.parseDouble(values.get(name).trim());
            if (!Double.isFinite(v)) throw new NumberFormatException();
            return v;
        } catch (NumberFormatException e) {
            throw new CliException("--" + name + " expects a number, got '" + values.get(name) + "'");
        }
    }
}
