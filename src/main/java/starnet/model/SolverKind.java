package starnet.model;

import starnet.math.PseudoInverseSolver;
import starnet.math.NormalEquationsSolver;
import starnet.math.CholeskySolver;
import starnet.math.LinearAlgebra;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** The user's choice of least-squares method. */
public enum SolverKind {
    /** Normal equations + Cholesky with a small relative ridge, SVD fall-back. */
    CHOLESKY,
    /** Pseudo-inverse via the eigen/singular value decomposition: exactly the paper's eq. 3. */
    PINV;

    @JsonValue
    public String id() { return name().toLowerCase(Locale.ROOT); }

    @JsonCreator
    public static SolverKind parse(String s) {
        for (SolverKind k : values()) if (k.id().equalsIgnoreCase(s.trim())) return k;
        throw new IllegalArgumentException("unknown solver '" + s + "': expected cholesky or pinv");
    }

    /** @param la the backend whose Cholesky the CHOLESKY solver uses */
    public NormalEquationsSolver create(double ridge, LinearAlgebra la) {
        return this == CHOLESKY ? new CholeskySolver(ridge, la) : new PseudoInverseSolver();
    }
}
