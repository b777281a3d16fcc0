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

    @Override
    public void gemm(boolean transA, boolean transB, double alpha, Matrix a, Matrix b, double beta, Matrix c) {
        int m = transA ? a.cols() : a.rows();
        int k = transA ? a.rows() : a.cols();
        int kb = transB ? b.cols() : b.rows();
        int n = transB ? b.rows() : b.cols();
        if (k != kb || c.rows() != m || c.cols() != n) {
            throw new IllegalArgumentException("gemm shapes: op(A) " + m + "x" + k + ", op(B) " + kb + "x" + n + ", C " + c.shape());
        }
        DMatrixRMaj da = wrap(a), db = wrap(b), dc = wrap(c);
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
