package starnet.session;

import starnet.model.EngineSpec;
import starnet.model.StarNetConfig;

import java.nio.file.Path;

/**
 * A training run to the end, written to a run folder: what {@code starnet train} asks for.
 *
 * @param config    the configuration (data, architecture, training)
 * @param engine    where it trains; a run asked for in memory goes out of core by itself when its data would not fit the heap
 * @param out       the run folder (written whole at the end: metrics.jsonl grows there while the run goes on)
 * @param baselines also train the Adam autoencoder and fit PCA at the code width (in memory only)
 * @param checkpointDir Spark: the folder or address under which the executors write the latents of the run's images (in a
 *                      folder of the run's own), or null for the run's staging folder beside {@code out}
 */
public record RunRequest(StarNetConfig config, EngineSpec engine, Path out, boolean baselines, String checkpointDir) {
    /** A run whose images' latents, if written as files, go beside {@code out}. */
    public RunRequest(StarNetConfig config, EngineSpec engine, Path out, boolean baselines) {
        this(config, engine, out, baselines, null);
    }
}
