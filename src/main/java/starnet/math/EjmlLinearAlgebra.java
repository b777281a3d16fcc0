package starnet.math;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.CommonOps_MT_DDRM;

/**
 * Pure-Java backend on EJML: the fallback when the native library does not load, and the
 * reference implementation in tests. Wraps the row-major arrays of {@link Matrix} without copying.
 */
public final class EjmlLinearAlgebra implements LinearAlgebra {
    private final int threads;

    public EjmlLinearAlgebra(int threads) {
        this.threads = Math.max(1, threads);
    }

    @Override public String description() { return "EJML (pure Java, " + threads + (threads == 1 ? " thread)" : " threads)"); }
    @Override public String id() { return "ejml"; }
    @Override public int threads() { return threads; }

    static DMatrixRMaj wrap(Matrix m) {
        return DMatrixRMaj.wrap(m.rows(), m.cols(), m.data());
    }

    static DMatrixRMaj wrap(Block b) {
        return DMatrixRMaj.wrap(b.rows(), b.cols(), b.buffer().array());
    }

    @Override
    public Block allocate(int rows, int cols) {
        double[] d = new double[Math.multiplyExact(rows, cols)];
        return new Block(rows, cols, java.nio.DoubleBuffer.wrap(d), d);
    }

    @Override
    public void gemm(boolean transA, boolean transB, double alpha, Matrix a, Matrix b, double beta, Matrix c) {
        LinearAlgebra.gemmShape(transA, transB, a.rows(), a.cols(), b.rows(), b.cols(), c.rows(), c.cols());
        gemm(transA, transB, alpha, wrap(a), wrap(b), beta, wrap(c));
    }

    @Override
    public void gemm(boolean transA, boolean transB, double alpha, Block a, Block b, double beta, Block c) {
        LinearAlgebra.gemmShape(transA, transB, a.rows(), a.cols(), b.rows(), b.cols(), c.rows(), c.cols());
        gemm(transA, transB, alpha, wrap(a), wrap(b), beta, wrap(c));
    }

    @Override
    public boolean choleskyInPlace(Matrix g) {
        var chol = new org.ejml.dense.row.decomposition.chol.CholeskyDecompositionInner_DDRM(true);
        if (!chol.decompose(wrap(g))) return false;
        int n = g.rows();
        double[] d = g.data();
        for (int i = 0; i < n; i++) for (int j = i + 1; j < n; j++) d[i * n + j] = 0;
        for (int i = 0; i < n; i++) if (!(d[i * n + i] > 0)) return false;
        return true;
    }

    @Override
    public void choleskySolveInPlace(Matrix factor, Matrix b) {
        int n = factor.rows(), m = b.cols();
        double[] l = factor.data(), x = b.data();
        // forward substitution L·Y = B, then back substitution Lᵀ·X = Y, all right-hand sides at once (row-wise)
        for (int i = 0; i < n; i++) {
            int bi = i * m;
            for (int k = 0; k < i; k++) {
                double lik = l[i * n + k];
                if (lik == 0) continue;
                int bk = k * m;
                for (int j = 0; j < m; j++) x[bi + j] -= lik * x[bk + j];
            }
            double inv = 1.0 / l[i * n + i];
            for (int j = 0; j < m; j++) x[bi + j] *= inv;
        }
        for (int i = n - 1; i >= 0; i--) {
            int bi = i * m;
            for (int k = i + 1; k < n; k++) {
                double lki = l[k * n + i];
                if (lki == 0) continue;
                int bk = k * m;
                for (int j = 0; j < m; j++) x[bi + j] -= lki * x[bk + j];
            }
            double inv = 1.0 / l[i * n + i];
            for (int j = 0; j < m; j++) x[bi + j] *= inv;
        }
    }

    @Override
    public void gramAccumulate(double alpha, Block a, double beta, Block c) {
        gemm(true, false, alpha, a, a, beta, c);
    }

    private void gemm(boolean transA, boolean transB, double alpha, DMatrixRMaj da, DMatrixRMaj db, double beta, DMatrixRMaj dc) {
        int m = dc.numRows, n = dc.numCols;
        if (beta == 0.0) {
            mult(transA, transB, alpha, da, db, dc);
        } else {
            if (beta != 1.0) CommonOps_DDRM.scale(beta, dc);
            DMatrixRMaj tmp = new DMatrixRMaj(m, n);
            mult(transA, transB, alpha, da, db, tmp);
            CommonOps_DDRM.addEquals(dc, tmp);
        }
    }

    private void mult(boolean tA, boolean tB, double alpha, DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        boolean mt = threads > 1 && (long) a.getNumElements() * b.numCols > 200_000L;
        if (!tA && !tB) { if (mt) CommonOps_MT_DDRM.mult(alpha, a, b, c); else CommonOps_DDRM.mult(alpha, a, b, c); }
        else if (tA && !tB) { if (mt) CommonOps_MT_DDRM.multTransA(alpha, a, b, c); else CommonOps_DDRM.multTransA(alpha, a, b, c); }
        else if (!tA) { if (mt) CommonOps_MT_DDRM.multTransB(alpha, a, b, c); else CommonOps_DDRM.multTransB(alpha, a, b, c); }
        else { if (mt) CommonOps_MT_DDRM.multTransAB(alpha, a, b, c); else CommonOps_DDRM.multTransAB(alpha, a, b, c); }
    }

    @Override
    public void gramAccumulate(double alpha, Matrix a, double beta, Matrix c) {
        gemm(true, false, alpha, a, a, beta, c);
    }
}
