package starnet.session;

import org.apache.spark.SparkException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Spark's known failures, as its scheduler words them, become one plain line with what to do. */
class SparkFailuresTest {
    private static final Path OUT = Path.of("runs/fashion");

    @Test
    void aStoreAnExecutorCannotSeeNamesTheHostAndThePath() {
        SparkException e = new SparkException("Job aborted due to stage failure: Task 0 in stage 3.0 failed 4 times, most recent failure: Lost task 0.3 "
                + "in stage 3.0 (TID 12) (10.0.0.5 executor 1): java.nio.file.NoSuchFileException: /data/store/data.bin\n\tat sun.nio.fs…");
        assertEquals("An executor on 10.0.0.5 cannot read /data/store/data.bin: the store must be on a file system every node sees, at the same path. "
                + "The finished steps are kept; continue the run with: train --resume runs/fashion", SparkRuns.explain(e, OUT, true));
    }

    @Test
    void aTaskTooLargeAsksForMorePartitions() {
        SparkException e = new SparkException("Job aborted due to stage failure: Serialized task 3:0 was 197132843 bytes, which exceeds max allowed: "
                + "spark.rpc.message.maxSize (134217728 bytes). Consider increasing spark.rpc.message.maxSize or using broadcast variables for large values.");
        String m = SparkRuns.explain(new java.util.concurrent.CompletionException(e), OUT, false);
        assertTrue(m.startsWith("A Spark task is larger than the cluster's message limit") && m.contains("--partitions") && !m.contains("--resume"), m);
    }

    @Test
    void retriesExhaustedSayWhatWasKeptAndHowToContinue() {
        SparkException e = new SparkException("Job aborted due to stage failure: Task 1 in stage 9.0 failed 4 times, most recent failure: Lost task 1.3 in "
                + "stage 9.0 (TID 40) (127.0.0.1 executor 3): ExecutorLostFailure (executor 3 exited caused by one of the running tasks) Reason: Command exited with code 137");
        String m = SparkRuns.explain(e, OUT, true);
        assertTrue(m.startsWith("Spark gave up on a step after its retries on 127.0.0.1 (") && m.endsWith("continue the run with: train --resume runs/fashion"), m);
        assertTrue(!m.contains("Exception") && !m.contains("\n"), m);
    }

    @Test
    void anExecutorOutOfMemoryAsksForMorePartitionsOrMemory() {
        SparkException e = new SparkException("Job aborted due to stage failure: Task 1 in stage 15.0 failed 4 times, most recent failure: Lost task 1.4 in "
                + "stage 15.0 (TID 35) (127.0.0.1 executor 4): ExecutorLostFailure (executor 4 exited caused by one of the running tasks) Reason: Command exited with code 52");
        String m = SparkRuns.explain(e, OUT, true);
        assertTrue(m.startsWith("An executor on 127.0.0.1 ran out of memory: train with more --partitions") && m.contains("spark.executor.memory")
                && m.endsWith("continue the run with: train --resume runs/fashion"), m);
    }

    @Test
    void withoutPartitionsGivenALargeDatasetIsCutIntoPiecesAnExecutorHolds() {
        assertEquals(2, SparkRuns.partitions(8_000, 784, 2), "small data: Spark's parallelism");
        assertEquals(4, SparkRuns.partitions(60_000, 784, 2), "376 MB of float64 images: pieces of at most 128 MiB, as many for each core");
        assertEquals(10, SparkRuns.partitions(180_000, 784, 2));
        assertEquals(16, SparkRuns.partitions(180_000, 784, 16), "a larger cluster's parallelism wins");
    }

    @Test
    void otherFailuresAreNotSparks() {
        assertNull(SparkRuns.explain(new IllegalStateException("a bug"), OUT, true));
    }
}
