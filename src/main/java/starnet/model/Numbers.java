package starnet.model;

/** Numbers written for people: whole values without a decimal point. */
public final class Numbers {
    private Numbers() {}

    /** 15 → "15", 0.25 → "0.25", 1e300 → "1.0E300" (whole values up to 10¹⁵ without ".0"). */
    public static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
