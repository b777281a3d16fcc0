package starnet.spark;

import starnet.math.Matrix;

import java.io.Serializable;

/**
 * SW's normal equations of some partitions, one {Gram, right-hand sides} pair per row set, as plain arrays that add up
 * across partitions (a set no row of theirs falls in is null). Merges add into the left operand: Spark's tree
 * aggregation owns the partial sums it merges.
 */
record NormalEquations(int[][] shapes, double[][] values) implements Serializable {
    static NormalEquations of(Matrix[][] eq) {
        int[][] shapes = new int[eq.length * 2][];
        double[][] values = new double[eq.length * 2][];
        for (int s = 0; s < eq.length; s++) {
            if (eq[s] == null) continue;
            for (int m = 0; m < 2; m++) {
                shapes[2 * s + m] = new int[] {eq[s][m].rows(), eq[s][m].cols()};
                values[2 * s + m] = eq[s][m].data();
            }
        }
        return new NormalEquations(shapes, values);
    }

    /** {@code a} + {@code b}, written into {@code a} (null is the empty sum). */
    static NormalEquations add(NormalEquations a, NormalEquations b) {
        if (a == null) return b;
        if (b == null) return a;
        for (int i = 0; i < a.values.length; i++) {
            if (b.values[i] == null) continue;
            if (a.values[i] == null) {
                a.values[i] = b.values[i].clone();
                a.shapes[i] = b.shapes[i];
                continue;
            }
            double[] x = a.values[i], y = b.values[i];
            for (int j = 0; j < x.length; j++) x[j] += y[j];
        }
        return a;
    }

    Matrix[][] matrices() {
        Matrix[][] out = new Matrix[values.length / 2][];
        for (int s = 0; s < out.length; s++) {
            out[s] = new Matrix[2];
            for (int m = 0; m < 2; m++) out[s][m] = new Matrix(shapes[2 * s + m][0], shapes[2 * s + m][1], values[2 * s + m]);
        }
        return out;
    }
}
