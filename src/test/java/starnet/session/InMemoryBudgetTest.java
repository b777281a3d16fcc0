package starnet.session;

import org.junit.jupiter.api.Test;
import starnet.model.ArchitectureConfig;
import starnet.model.StarNetConfig;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What a run in memory holds, as the out-of-core switch counts it: the images as the heap keeps them, and the latents. */
class InMemoryBudgetTest {
    private static StarNetConfig widths(String w) {
        StarNetConfig c = StarNetConfig.defaults();
        return c.withArchitecture(c.architecture().withWidths(ArchitectureConfig.parseWidths(w)));
    }

    @Test
    void eightBitImagesCountAByteAPixelAndTheWidestLayersLatentsTwice() {
        DeclaredData idx = new DeclaredData(1, 28, 28, 60_000, null, null);
        assertEquals(47_040_000L, idx.heapBytes(), "60,000 IDX images of 784 pixels: kept as bytes");
        // layer 2 (d_in 256): its latents twice = 512 per datapoint; layer 1 (128): twice plus layer 2's finished 256 = 512
        assertEquals(47_040_000L + 8L * 60_000 * 512, Runs.inMemoryBytes(widths("128,256"), idx));
        // layer 1 (d_in 300) twice plus layer 2's finished 10 = 610 per datapoint, more than layer 2's 20
        assertEquals(47_040_000L + 8L * 60_000 * 610, Runs.inMemoryBytes(widths("300,10"), idx));
    }

    @Test
    void fewImagesAndNpyArraysAreDoubles() {
        DeclaredData few = new DeclaredData(1, 28, 28, 10_000, null, null); // 7.84 M values: at most 8 M are widened when read
        assertEquals(8L * 7_840_000, few.heapBytes());
        DeclaredData npy = new DeclaredData(1, 28, 28, 60_000, Path.of("x.npy"), null);
        assertEquals(8L * 47_040_000, npy.heapBytes());
        assertEquals(8L * 47_040_000 + 8L * 60_000 * 512, Runs.inMemoryBytes(widths("128,256"), npy));
    }
}
