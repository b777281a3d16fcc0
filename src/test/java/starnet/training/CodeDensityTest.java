package starnet.training;

import org.junit.jupiter.api.Test;
import starnet.data.Datasets;
import starnet.math.Backends;
import starnet.math.LinearAlgebra;
import starnet.math.Matrix;
import starnet.model.Dataset;
import starnet.model.Split;
import starnet.model.StarNetConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Samples that look like the data: codes drawn from the density of the training codes (one Gaussian per class, or a
 * mixture BIC chooses) decode to images nearer to real digits than codes from one Gaussian over all codes do — by the
 * mean distance from a sample to its nearest training image.
 */
class CodeDensityTest {
    private static final LinearAlgebra LA = Backends.create("auto", 2);
    private static Dataset ds;
    private static StarNetTrainer t;

    @org.junit.jupiter.api.BeforeAll
    static void trainTheSample() {
        ds = Datasets.load("sample:mnist", Split.TRAIN, 0);
        t = StarNetTrainer.create(StarNetConfig.defaults().withTraining(StarNetConfig.defaults().training().withMaxEpochs(2)), ds.images(), LA);
        t.trainAll(Cancellation.NEVER);
    }

    @Test
    void perClassAndMixtureSamplesAreNearerToRealDigitsThanOneGaussiansAndBeatItOnHeldOutCodes() {
        Matrix codes = t.codes();
        Matrix reference = ds.images().rowRange(0, 3000);

        Matrix single = t.decoder().decodeFrom(LA, 0, GaussianMixture.fit(codes, 1, GaussianMixture.Covariance.FULL, 1, 5, LA, Cancellation.NEVER)
                .sample(60, 9, CodeDensity.TEMPERATURE));
        CodeDensity perClass = CodeDensity.fit(codes, ds.labels(), ds.classNames(), 5, LA, Cancellation.NEVER);
        Matrix byClass = t.decoder().decodeFrom(LA, 0, perClass.sample(60, 9, -1, CodeDensity.TEMPERATURE));
        double dSingle = nearest(single, reference), dClass = nearest(byClass, reference);
        assertTrue(dClass < dSingle, "per-class samples " + dClass + " vs one Gaussian's " + dSingle);
        assertTrue(perClass.description().startsWith("one Gaussian per class (10 classes)"), perClass.description());
        assertEquals(10, perClass.classNames().size());
        double[] ll = heldOut(perClass.description());
        assertTrue(ll[0] > ll[1], "per class fits held-out codes better than one Gaussian: " + perClass.description());
        // a class asked for: its samples are nearer to that class's digits than to the others'
        Matrix sevens = t.decoder().decodeFrom(LA, 0, perClass.sample(20, 3, 7, CodeDensity.TEMPERATURE));
        int[] labels = ds.labels();
        int nearestSeven = 0;
        for (int i = 0; i < sevens.rows(); i++) if (labels[nearestRow(sevens, i, reference)] == 7) nearestSeven++;
        assertTrue(nearestSeven >= 15, nearestSeven + " of 20 samples of class 7 have a 7 as their nearest digit");
    }

    @Test
    void withoutLabelsAMixtureChosenByBicFollowsTheCodesOfTheWholeSample() {
        Matrix codes = t.codes();
        CodeDensity mixture = CodeDensity.fit(codes, null, null, 5, LA, Cancellation.NEVER);
        assertTrue(mixture.description().startsWith("a mixture of"), "BIC chose more than one Gaussian on 8,000 codes: " + mixture.description());
        double[] ll = heldOut(mixture.description());
        assertTrue(ll[0] > ll[1], "it fits held-out codes better than one Gaussian: " + mixture.description());
        Matrix one = t.decoder().decodeFrom(LA, 0, GaussianMixture.fit(codes, 1, GaussianMixture.Covariance.FULL, 1, 5, LA, Cancellation.NEVER)
                .sample(60, 9, CodeDensity.TEMPERATURE));
        Matrix mixed = t.decoder().decodeFrom(LA, 0, mixture.sample(60, 9, -1, CodeDensity.TEMPERATURE));
        Matrix reference = ds.images().rowRange(0, 3000);
        assertTrue(nearest(mixed, reference) < nearest(one, reference), "mixture samples are nearer to real digits");
    }

    /** {this density's held-out log-likelihood, one Gaussian's}, read from the description. */
    private static double[] heldOut(String description) {
        var m = java.util.regex.Pattern.compile("log-likelihood (-?[0-9.]+) per code \\(one Gaussian[^:]*: (-?[0-9.]+)\\)").matcher(description);
        assertTrue(m.find(), description);
        return new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))};
    }

    private static double nearest(Matrix samples, Matrix reference) {
        double total = 0;
        for (int i = 0; i < samples.rows(); i++) total += Math.sqrt(distance(samples, i, reference, nearestRow(samples, i, reference)));
        return total / samples.rows();
    }

    private static int nearestRow(Matrix samples, int i, Matrix reference) {
        int best = -1;
        double bestD = Double.MAX_VALUE;
        for (int j = 0; j < reference.rows(); j++) {
            double d = distance(samples, i, reference, j);
            if (d < bestD) {
                bestD = d;
                best = j;
            }
        }
        return best;
    }

    private static double distance(Matrix a, int i, Matrix b, int j) {
        double s = 0;
        for (int k = 0; k < a.cols(); k++) {
            double e = a.get(i, k) - b.get(j, k);
            s += e * e;
        }
        return s;
    }
}
