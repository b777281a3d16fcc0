package starnet.math;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import starnet.Reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every backend must give the naive product to round-off, for every transpose combination. */
class LinearAlgebraContractTest {

    @ParameterizedTest
    @ValueSource(strings = {"ejml", "openblas"})
    void gemmMatchesNaiveProductForAllTransposes(String backend) {
        LinearAlgebra la = Backends.create(backend, 2);
        Matrix a = Reference.gaussian(37, 23, 1), b = Reference.gaussian(23, 41, 2);
        for (boolean ta : new boolean[] {false, true}) {
            for (boolean tb : new boolean[] {false, true}) {
                Matrix x = ta ? a.transpose() : a, y = tb ? b.transpose() : b;
                Matrix c = la.multiply(ta, tb, x, y);
                assertTrue(Reference.relativeError(c, Reference.naiveProduct(a, false, b, false)) < 1e-13, backend + " " + ta + tb);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ejml", "openblas"})
    void gemmAccumulatesWithBeta(String backend) {
        LinearAlgebra la = Backends.create(backend, 2);
        Matrix a = Reference.gaussian(300, 20, 3), b = Reference.gaussian(20, 30, 4);
        Matrix c = Reference.gaussian(300, 30, 5);
        Matrix expected = Reference.naiveProduct(a, false, b, false);
        for (int i = 0; i < expected.data().length; i++) expected.data()[i] = 2 * expected.data()[i] + 0.5 * c.data()[i];
        la.gemm(false, false, 2.0, a, b, 0.5, c);
        assertTrue(Reference.relativeError(c, expected) < 1e-13);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ejml", "openblas"})
    void gramAccumulateFillsBothTriangles(String backend) {
        LinearAlgebra la = Backends.create(backend, 2);
        Matrix a = Reference.gaussian(500, 17, 6);
        Matrix g = Matrix.identity(17);
        la.gramAccumulate(1.0, a, 1.0, g);
        Matrix expected = Reference.naiveProduct(a, true, a, false);
        for (int i = 0; i < 17; i++) expected.set(i, i, expected.get(i, i) + 1);
        assertTrue(Reference.relativeError(g, expected) < 1e-13);
        for (int i = 0; i < 17; i++) for (int j = 0; j < 17; j++) assertEquals(g.get(i, j), g.get(j, i), 0.0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ejml", "openblas"})
    void backendsAgreeOnLargeProducts(String backend) {
        LinearAlgebra la = Backends.create(backend, 2);
        LinearAlgebra ref = new EjmlLinearAlgebra(1);
        Matrix a = Reference.gaussian(2000, 257, 7), b = Reference.gaussian(2000, 300, 8);
        assertTrue(Reference.relativeError(la.multiply(true, false, a, b), ref.multiply(true, false, a, b)) < 1e-12);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ejml", "openblas"})
    void extremeEigenvaluesMatchTheSpectrumAndAnEigenDecomposition(String backend) {
        LinearAlgebra la = Backends.create(backend, 2);
        Matrix a = Reference.gaussian(400, 60, 9);
        Matrix g = la.multiply(true, false, a, a); // 60 × 60, condition ~ (1 + √(60/400))² / (1 − √(60/400))² ≈ 5
        Matrix factor = g.copy();
        assertTrue(la.choleskyInPlace(factor));
        double[] e = la.extremeEigenvalues(g, factor, 300);
        assertEquals(Spectrum.largestEigenvalue(g, 300), e[0], 1e-12 * e[0]);
        assertEquals(Spectrum.smallestEigenvalue(factor, 300), e[1], 1e-12 * e[1]);
        double[] exact = Spectrum.decompose(g).values();
        assertEquals(exact[0], e[0], 1e-9 * exact[0], "power iteration converges to λmax");
        assertEquals(exact[59], e[1], 1e-9 * exact[59], "inverse iteration converges to λmin");
    }

    @org.junit.jupiter.api.Test
    void singlePrecisionProductsAgreeWithDoubleToFloatRoundOff() {
        LinearAlgebra la = Backends.create("openblas", 2);
        SinglePrecision sp = (SinglePrecision) la;
        Matrix a = Reference.gaussian(300, 256, 10), b = Reference.gaussian(784, 256, 11);
        Matrix expected = Reference.naiveProduct(a, false, b, true);
        try (Workspace ws = new Workspace(la, new java.util.ArrayList<>(), new java.util.ArrayList<>())) {
            SingleBlock sa = ws.singleScratch(300, 256).narrow(ws.blockOf(a), 2), sb = ws.singleOf(b), sc = ws.singleScratch(300, 784);
            sp.gemm(false, true, sa, sb, sc);
            Matrix c = new Matrix(300, 784);
            for (int i = 0; i < c.data().length; i++) c.data()[i] = sc.buffer().get(i);
            double err = Reference.relativeError(c, expected);
            assertTrue(err < 1e-6 && err > 1e-9, "float32 round-off, not float64: " + err);
        }
    }
}
