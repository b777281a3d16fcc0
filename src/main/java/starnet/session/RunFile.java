package starnet.session;

import starnet.io.Json;
import starnet.model.EngineSpec;

import java.io.IOException;
import java.nio.file.Path;

/**
 * What a batch run needs beyond its session image to be continued: where it trains and whether it also trains the
 * baselines. Kept in the staging folder as {@code run.json} while the run goes on.
 *
 * @param engine    the run setting it trains with (the out-of-core store named in it)
 * @param baselines whether the run also trains the Adam autoencoder and fits PCA
 * @param checkpointDir Spark: where the executors write the latents of the run's images (see {@link RunRequest}), or null
 */
record RunFile(EngineSpec engine, boolean baselines, String checkpointDir) {
    static final String NAME = "run.json";

    static void write(Path file, RunFile run) throws IOException {
        starnet.io.AtomicFiles.write(file, o -> Json.MAPPER.writeValue(o, run));
    }

    static RunFile read(Path file) throws IOException {
        try {
            RunFile r = Json.STRICT.readValue(file.toFile(), RunFile.class);
            if (r.engine() == null) throw new IOException("no engine");
            return r;
        } catch (IOException e) {
            throw new UserError("The stopped run's " + NAME + " in " + file.getParent() + " is damaged or missing; it cannot be continued. Train it again.");
        }
    }
}
