package starnet.math;

/**
 * A decomposition that could not finish on the values it was given (an eigen-decomposition that did not converge):
 * the numbers are too large, not finite or too ill-conditioned, not a fault of the program. The message says which
 * computation failed, in plain words.
 */
public final class NumericalFailure extends ArithmeticException {
    public NumericalFailure(String what) {
        super(what);
    }
}
