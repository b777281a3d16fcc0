package starnet.baseline;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import starnet.Reference;
import starnet.model.Dataset;
import starnet.data.Datasets;
import starnet.io.Json;
import starnet.math.Backends;
import starnet.math.LinearAlgebra;
import starnet.math.Matrix;
import starnet.training.LayerSystem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BaselinesTest {
    static final LinearAlgebra LA = Backends.create("auto", 2);

    @Test
    void pcaBoundMatchesNumpyAndItsOwnReconstructions() throws Exception {
        JsonNode ref = Json.MAPPER.readTree(Reference.text("pca_small.json"));
        Matrix y = Reference.matrix("pca_small_Y.npy");
        Pca p = Pca.fit(y, LA);
        int rank = ref.get("rank").asInt();
        assertEquals(ref.get("mse").asDouble(), p.mse(rank), 1e-12 * ref.get("mse").asDouble());
        assertEquals(p.mse(rank), LayerSystem.mse(p.reconstruct(y, rank, LA), y), 1e-10 * p.mse(rank));
        assertEquals(0.0, p.mse(8), 1e-12);
    }

    @Test
    void pcaBoundEqualsTheSvdOnRealData() {
        Dataset d = Datasets.load("sample:mnist", starnet.model.Split.TRAIN, 1500);
        double viaSvd = starnet.training.TrainerBehaviourTestAccess.affinePcaMse(d.images(), 40);
        assertEquals(viaSvd, Pca.fit(d.images(), LA).mse(40), 1e-9 * viaSvd);
    }

    @Test
    void autoencoderGradientsMatchFiniteDifferences() {
        Autoencoder ae = new Autoencoder(new int[] {3, 5, 8}, 0.3, 4);
        Matrix batch = Reference.gaussian(6, 8, 5);
        for (int i = 0; i < batch.data().length; i++) batch.data()[i] = Math.abs(batch.data()[i]) + 0.5; // residuals well away from 0
        Autoencoder.Gradients g = ae.gradients(batch, LA);
        for (int j = 0; j < ae.layers(); j++) {
            double[] w = ae.weights(j).data();
            for (int i = 0; i < w.length; i += 3) {
                double numeric = centralDifference(ae, batch, w, i);
                assertEquals(numeric, g.dW().get(j).data()[i], 1e-6 * Math.max(1, Math.abs(numeric)), "layer " + j + " weight " + i);
            }
            double[] b = ae.bias(j);
            for (int i = 0; i < b.length; i++) assertEquals(centralDifference(ae, batch, b, i), g.db().get(j)[i], 1e-6, "layer " + j + " bias " + i);
        }
    }

    /** (loss(p_i + h) − loss(p_i − h)) / 2h for parameter i of {@code params} (restored afterwards). */
    private static double centralDifference(Autoencoder ae, Matrix batch, double[] params, int i) {
        double h = 1e-6, keep = params[i];
        params[i] = keep + h;
        double up = ae.gradients(batch, LA).loss();
        params[i] = keep - h;
        double down = ae.gradients(batch, LA).loss();
        params[i] = keep;
        return (up - down) / (2 * h);
    }

    @Test
    void autoencoderLossDecreasesOnASeededRun() {
        Matrix x = Datasets.load("sample:mnist", starnet.model.Split.TRAIN, 640).images();
        Autoencoder ae = new Autoencoder(new int[] {16, 64, 784}, 0.5, 1);
        double first = ae.trainEpoch(x, LA), second = ae.trainEpoch(x, LA), third = ae.trainEpoch(x, LA);
        assertTrue(second < first && third < second, first + " " + second + " " + third);
        Autoencoder again = new Autoencoder(new int[] {16, 64, 784}, 0.5, 1);
        assertEquals(first, again.trainEpoch(x, LA), 0.0, "seeded: the same numbers");
    }
}
