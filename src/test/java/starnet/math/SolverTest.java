package starnet.math;

import starnet.model.SolverKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import starnet.Reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The solver contract, run against every backend (see the subclasses below). */
abstract class SolverTest {
    protected final LinearAlgebra la = backend();

    abstract LinearAlgebra backend();

    private Solution solve(SolverKind kind, Matrix a, Matrix b) {
        return kind.create(1e-10, la).solve(la.multiply(true, false, a, a), la.multiply(true, false, a, b));
    }

    @ParameterizedTest
    @EnumSource(SolverKind.class)
    void matchesNumpyLstsq(SolverKind kind) {
        Matrix a = Reference.matrix("lstsq_A.npy"), b = Reference.matrix("lstsq_B.npy");
        Solution s = solve(kind, a, b);
        assertTrue(Reference.relativeError(s.x(), Reference.matrix("lstsq_X.npy")) < 1e-9, "rel error " + Reference.relativeError(s.x(), Reference.matrix("lstsq_X.npy")));
        assertFalse(s.fellBack());
    }

    @ParameterizedTest
    @EnumSource(SolverKind.class)
    void residualIsOrthogonalToTheColumns(SolverKind kind) {
        Matrix a = Reference.gaussian(200, 12, 11), b = Reference.gaussian(200, 4, 12);
        Matrix x = solve(kind, a, b).x();
        Matrix residual = b.minus(la.multiply(false, false, a, x));
        Matrix atr = la.multiply(true, false, a, residual);
        assertTrue(atr.frobenius() < 1e-9 * a.frobenius() * b.frobenius(), "Aᵀr = " + atr.frobenius());
    }

    @Test
    void choleskyAndPseudoInverseAgree() {
        Matrix a = Reference.gaussian(500, 40, 13), b = Reference.gaussian(500, 7, 14);
        Matrix x1 = solve(SolverKind.CHOLESKY, a, b).x(), x2 = solve(SolverKind.PINV, a, b).x();
        assertTrue(Reference.relativeError(x1, x2) < 1e-8);
    }

    @Test
    void conditionEstimateIsCloseToTheTrueConditionNumber() {
        // A = diag(1..10) stacked on zeros: cond(A) = 10 exactly
        Matrix a = new Matrix(20, 10);
        for (int i = 0; i < 10; i++) a.set(i, i, i + 1);
        Solution c = solve(SolverKind.CHOLESKY, a, Reference.gaussian(20, 1, 1));
        Solution p = solve(SolverKind.PINV, a, Reference.gaussian(20, 1, 1));
        assertEquals(10.0, p.conditionEstimate(), 1e-9);
        assertEquals(10.0, c.conditionEstimate(), 0.5);
    }

    @Test
    void singularSystemFallsBackToSvdWithTheMinimumNormSolution() {
        Matrix a = Reference.gaussian(50, 4, 15);
        Matrix dup = new Matrix(50, 5);
        for (int r = 0; r < 50; r++) {
            for (int c = 0; c < 4; c++) dup.set(r, c, a.get(r, c));
            dup.set(r, 4, a.get(r, 0)); // column 4 repeats column 0: rank 4
        }
        Matrix b = Reference.gaussian(50, 2, 16);
        Solution s = new CholeskySolver(0, la).solve(la.multiply(true, false, dup, dup), la.multiply(true, false, dup, b));
        assertTrue(s.fellBack(), s.method());
        assertTrue(s.method().startsWith("svd"));
        // minimum norm: the weights of the two equal columns are equal
        for (int j = 0; j < 2; j++) assertEquals(s.x().get(0, j), s.x().get(4, j), 1e-8);
        Matrix residual = b.minus(la.multiply(false, false, dup, s.x()));
        assertTrue(la.multiply(true, false, dup, residual).frobenius() < 1e-8);
    }

    @Test
    void ridgeMustBeNonNegative() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new CholeskySolver(-1, la));
    }
}

class EjmlSolverTest extends SolverTest {
    @Override LinearAlgebra backend() { return Backends.create("ejml", 2); }
}

class OpenBlasSolverTest extends SolverTest {
    @Override LinearAlgebra backend() { return Backends.create("openblas", 2); }

    @org.junit.jupiter.api.Test
    void choleskyFactorsAgreeWithEjml() {
        Matrix a = Reference.gaussian(300, 30, 21);
        Matrix g = la.multiply(true, false, a, a);
        Matrix l1 = g.copy(), l2 = g.copy();
        org.junit.jupiter.api.Assertions.assertTrue(la.choleskyInPlace(l1));
        org.junit.jupiter.api.Assertions.assertTrue(new EjmlLinearAlgebra(1).choleskyInPlace(l2));
        org.junit.jupiter.api.Assertions.assertTrue(Reference.relativeError(l1, l2) < 1e-12);
        // L·Lᵀ = G
        org.junit.jupiter.api.Assertions.assertTrue(Reference.relativeError(la.multiply(false, true, l1, l1), g) < 1e-13);
    }
}
