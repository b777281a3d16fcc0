package starnet.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One swept setting and its values: a list ({@code slope=0.1,0.2,0.5}, {@code widths=16/64,32/128}) or a range
 * {@code FROM..TO:COUNT} ({@code slope=0.1..1:4}; spaced evenly, on a log scale for the ridge, whole numbers for counts).
 */
public record SweepAxis(SweepParam param, List<String> values) {
    /** At most this many values per setting. */
    public static final int MAX_VALUES = 50;

    public SweepAxis {
        values = List.copyOf(values);
        if (values.isEmpty()) throw new IllegalArgumentException(param.id() + ": no values; expected e.g. " + param.id() + "=" + example(param));
        if (values.size() > MAX_VALUES) throw new IllegalArgumentException(param.id() + ": " + values.size() + " values; at most " + MAX_VALUES);
        if (values.stream().distinct().count() != values.size()) throw new IllegalArgumentException(param.id() + ": a value is listed twice");
    }

    /** Parses {@code name=values} (see the class comment). */
    public static SweepAxis parse(String text) {
        int eq = text.indexOf('=');
        if (eq < 0) throw new IllegalArgumentException("'" + text + "': expected NAME=VALUES, e.g. slope=0.1,0.2,0.5");
        SweepParam p = SweepParam.parse(text.substring(0, eq));
        return of(p, text.substring(eq + 1));
    }

    /** Values for {@code p} written as a list or a range. */
    public static SweepAxis of(SweepParam p, String spec) {
        String s = spec.trim();
        List<String> values = new ArrayList<>();
        if (s.contains("..")) {
            values.addAll(range(p, s));
        } else {
            for (String v : s.split(",")) if (!v.isBlank()) values.add(v.trim());
        }
        SweepAxis axis = new SweepAxis(p, values);
        var probe = starnet.model.StarNetConfig.defaults();
        for (String v : axis.values) p.apply(probe, v); // every value parses, before anything runs
        return axis;
    }

    private static List<String> range(SweepParam p, String s) {
        String err = p.id() + "=" + s + ": a range is FROM..TO:COUNT, e.g. " + p.id() + "=" + example(p).replace(",", "..") + ":4";
        if (!p.numeric()) throw new IllegalArgumentException(p.id() + " takes a list of values, not a range; e.g. " + p.id() + "=" + example(p));
        String[] ends = s.split("\\.\\.", -1);
        if (ends.length != 2 || !ends[1].contains(":")) throw new IllegalArgumentException(err);
        double from, to;
        int count;
        try {
            from = Double.parseDouble(ends[0].trim());
            to = Double.parseDouble(ends[1].substring(0, ends[1].indexOf(':')).trim());
            count = Integer.parseInt(ends[1].substring(ends[1].indexOf(':') + 1).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(err);
        }
        if (count < 2 || count > MAX_VALUES) throw new IllegalArgumentException(p.id() + ": a range needs 2 to " + MAX_VALUES + " values, got " + count);
        if (p.logScale() && (from <= 0 || to <= 0)) throw new IllegalArgumentException(p.id() + ": a range on a log scale needs values above 0");
        boolean whole = p != SweepParam.SLOPE && p != SweepParam.RIDGE;
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double f = (double) i / (count - 1);
            double v = p.logScale() ? Math.exp(Math.log(from) + f * (Math.log(to) - Math.log(from))) : from + f * (to - from);
            String text = whole ? Long.toString(Math.round(v)) : p.logScale()
                    ? new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros().toString().replace('E', 'e')
                    : trim(String.format(Locale.ROOT, "%.6f", v));
            if (!out.contains(text)) out.add(text);
        }
        return out;
    }

    private static String trim(String s) {
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    /** An example list of values for {@code p}. */
    public static String example(SweepParam p) {
        return switch (p) {
            case SLOPE -> "0.1,0.2,0.5,1.0";
            case RIDGE -> "1e-10,1e-6,1e-3";
            case SW_SAMPLE -> "500,2000,0";
            case SW_PARTITIONS -> "1,2,4";
            case EPOCHS -> "1,3,5";
            case SEED -> "0,1,2";
            case WIDTHS -> "16/64,32/128";
            case KERNELS -> "4/2,6/2";
            case ORDER -> "sl-first,sw-first";
        };
    }

    @Override public String toString() { return param.id() + "=" + String.join(",", values); }
}
