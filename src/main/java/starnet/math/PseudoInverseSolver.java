package starnet.math;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * X = pinv(G)·R through the symmetric eigen-decomposition G = QΛQᵀ. Since pinv(AᵀA)Aᵀ = pinv(A),
 * this is the paper's eq. 3 (and the minimum-norm solution when A is rank deficient). Eigenvalues
 * below {@code n·ε·λmax} count as zero.
 */
public final class PseudoInverseSolver implements NormalEquationsSolver {

    @Override public String name() { return "pinv"; }

    @Override
    public Solution solve(Matrix gram, Matrix rhs) {
        int n = gram.rows();
        if (gram.cols() != n || rhs.rows() != n) throw new IllegalArgumentException("solve shapes: G " + gram.shape() + ", R " + rhs.shape());
        int m = rhs.cols();
        if (n == 0) return new Solution(new Matrix(0, m), 1.0, "pinv", false);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
        DMatrixRMaj g = new DMatrixRMaj(n, n, true, gram.data().clone());
        if (!eig.decompose(g)) throw new NumericalFailure("the eigen-decomposition of the system did not converge");
        double[] lambda = new double[n];
        double lmax = 0;
        for (int i = 0; i < n; i++) {
            lambda[i] = eig.getEigenvalue(i).real;
            lmax = Math.max(lmax, lambda[i]);
        }
        double tol = lmax * n * Math.ulp(1.0);
        double lmin = Double.POSITIVE_INFINITY;
        // Q (n×n, columns = eigenvectors), then X = Q · diag(1/λ) · Qᵀ R
        Matrix q = new Matrix(n, n);
        int rank = 0;
        for (int i = 0; i < n; i++) {
            DMatrixRMaj vec = eig.getEigenVector(i);
            if (lambda[i] > tol) rank++;
            lmin = Math.min(lmin, Math.max(lambda[i], 0));
            for (int r = 0; r < n; r++) q.set(r, i, vec == null ? 0 : vec.get(r, 0));
        }
        EjmlLinearAlgebra la = new EjmlLinearAlgebra(1);
        Matrix qtr = la.multiply(true, false, q, rhs);
        for (int i = 0; i < n; i++) {
            double inv = lambda[i] > tol ? 1.0 / lambda[i] : 0.0;
            int off = i * m;
            double[] d = qtr.data();
            for (int j = 0; j < m; j++) d[off + j] *= inv;
        }
        Matrix x = la.multiply(false, false, q, qtr);
        double cond = lmin > tol ? Math.sqrt(lmax / lmin) : Double.POSITIVE_INFINITY;
        return new Solution(x, cond, rank < n ? "pinv (rank " + rank + " of " + n + ")" : "pinv", false);
    }
}
