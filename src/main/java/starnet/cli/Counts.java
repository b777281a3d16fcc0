package starnet.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A count of items where "all" means every one (0 inside): what {@code --limit} takes. */
final class Counts implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
        String v = value.trim();
        if (v.equalsIgnoreCase("all")) return 0;
        try {
            int n = Integer.parseInt(v);
            if (n >= 0) return n;
        } catch (NumberFormatException e) {
            // said below
        }
        throw new TypeConversionException("expects all or a whole number of items ≥ 0, got '" + value + "'");
    }
}
