/**
 * Dense linear algebra: the {@link starnet.math.Matrix} value, the BLAS-3 seam
 * ({@link starnet.math.LinearAlgebra}, with OpenBLAS and EJML backends) and the least-squares
 * solvers that work on normal equations; {@link starnet.math.BackgroundPriority} lowers the scheduling
 * priority of compute threads that share the machine with a window.
 */
package starnet.math;
