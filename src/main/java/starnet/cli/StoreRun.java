package starnet.cli;

import starnet.figures.FigureFormat;
import starnet.figures.FigureWriter;
import starnet.figures.GridFigure;
import starnet.io.ModelFile;
import starnet.io.StagedFolder;
import starnet.math.LinearAlgebra;
import starnet.math.Matrix;
import starnet.model.DeterminednessReport;
import starnet.model.LayerPlan;
import starnet.model.StarNetConfig;
import starnet.model.StepResult;
import starnet.store.Precision;
import starnet.store.RowStore;
import starnet.store.StoreData;
import starnet.store.StoreTrainer;
import starnet.training.Cancellation;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code train --store DIR} (or data larger than the heap): the images go into a row store in DIR, every layer's
 * latents beside them, and training reads and writes them chunk by chunk. Writes metrics.jsonl, model.starnet
 * (with the codes when they fit the heap comfortably), reconstructions.png of the first items and config.json; no
 * session.starnet, which would hold every datapoint's latents in memory.
 */
final class StoreRun {
    /** Codes go into model.starnet up to this many values (128 MB as doubles). */
    static final long CODES_IN_MODEL = 16_000_000L;

    private StoreRun() {}

    /** Fills DIR/data.bin from the configuration's data and checks that the architecture fits and is determined. */
    static StoreData.Filled prepare(StarNetConfig config, Path storeDir, Precision precision, int shifts, PrintStream err) throws IOException {
        Files.createDirectories(storeDir);
        long t0 = System.nanoTime();
        StoreData.Filled data = StoreData.fill(config.data(), shifts, storeDir.resolve("data.bin"), precision, err::println);
        RowStore images = data.store();
        try {
            err.printf("store: %,d rows × %d values in %s (%.1f GB, %s), written in %.1f s%n", images.rows(), images.cols(), storeDir,
                    images.bytes() / 1e9, precision.id(), (System.nanoTime() - t0) / 1e9);
            check(config, new int[] {data.channels(), data.height(), data.width()}, images.rows());
            return data;
        } catch (RuntimeException e) {
            images.close();
            throw e;
        }
    }

    /** That the architecture fits images of {@code shape} (c, h, w) and that every system is determined for {@code rows} datapoints. */
    static void check(StarNetConfig config, int[] shape, long rows) {
        List<LayerPlan> plan;
        try {
            plan = config.architecture().plan(shape[0], shape[1], shape[2]);
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage() + " (images are " + shape[0] + "×" + shape[1] + "×" + shape[2] + ")");
        }
        if (rows > Integer.MAX_VALUE - 16) throw new CliException("at most " + (Integer.MAX_VALUE - 16) + " datapoints, got " + rows);
        DeterminednessReport report = DeterminednessReport.forDecoder(plan, (int) rows, config.architecture().slope(), config.training());
        if (report.hasErrors()) throw new CliException("not determined: " + report.firstError());
    }

    /**
     * What a store run leaves besides its metrics: model.starnet (with the codes when they fit in {@link #CODES_IN_MODEL}),
     * reconstructions.png of the first items (targets, reconstructions, errors) and config.json.
     */
    static void writeOutputs(StagedFolder folder, StarNetConfig config, starnet.model.Decoder decoder, starnet.store.RowSource images, Path codesFile, int[] shape,
                             LinearAlgebra la, PrintStream err) throws IOException {
        try (RowStore codes = RowStore.open(codesFile)) {
            long values = codes.rows() * codes.cols();
            Matrix all = values <= CODES_IN_MODEL ? codes.read(0, codes.rows()) : null;
            ModelFile.write(folder.file("model.starnet"), new ModelFile.SavedModel(config, decoder, shape, all));
            int shown = (int) Math.min(12, images.rows());
            Matrix targets = images.read(0, shown);
            Matrix recon = decoder.decodeFrom(la, 0, codes.read(0, shown));
            FigureWriter.write(new GridFigure("The first items and their reconstructions", List.of(new GridFigure.Row("targets", targets),
                    new GridFigure.Row("reconstructed", recon), new GridFigure.Row("error", recon, targets)), List.of(), shape[0], shape[1], shape[2]),
                    folder.file("reconstructions.png"), FigureFormat.PNG, 2);
            if (all == null) err.printf("note: the codes (%,d values) stay in %s; model.starnet holds the decoder%n", values, codesFile);
        }
        starnet.io.ConfigJson.write(folder.file("config.json"), config);
    }

    static void train(StarNetConfig config, Path storeDir, Precision precision, int shifts, int chunk, LinearAlgebra la, Path out,
                      PrintStream stdout, PrintStream err) throws IOException {
        StoreData.Filled data = prepare(config, storeDir, precision, shifts, err);
        try (RowStore images = data.store(); StagedFolder folder = StagedFolder.open(out)) {
            StoreTrainer trainer;
            try {
                trainer = new StoreTrainer(config, la, storeDir, precision, chunk);
            } catch (IllegalArgumentException e) {
                throw new CliException(e.getMessage());
            }
            long t1 = System.nanoTime();
            StoreTrainer.Result result;
            try (BufferedWriter metrics = Files.newBufferedWriter(folder.file("metrics.jsonl"))) {
                trainer.setListener(TrainCommand.progress(metrics, err));
                result = trainer.train(images, data.channels(), data.height(), data.width(), Cancellation.NEVER);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            double seconds = (System.nanoTime() - t1) / 1e9;
            int[] shape = {data.channels(), data.height(), data.width()};
            writeOutputs(folder, config, result.decoder(), images, result.codes(), shape, la, err);
            folder.commit();
            StepResult last = result.steps().get(result.steps().size() - 1);
            stdout.printf("trained %d layers from the store in %.2f s (%,d datapoints); reconstruction MSE %.6f; wrote %s (no session.starnet: "
                    + "a session keeps every datapoint's latents in memory)%n", result.decoder().depth(), seconds, images.rows(), last.outputMse(), out);
        }
    }
}
