package starnet.session;

import starnet.model.FigureFormat;
import starnet.model.FigureKind;
import starnet.model.FigureOptions;
import starnet.figures.FigureWriter;
import starnet.figures.GridFigure;
import starnet.io.ModelFile;
import starnet.io.SessionFile;
import starnet.io.StagedFolder;
import starnet.math.Matrix;
import starnet.training.StarNetTrainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The run folder's model, session and figure, the same for every engine (config.json and metrics.jsonl are written as
 * the run starts and goes on): model.starnet (the decoder, with the codes when they fit {@link #CODES_IN_MODEL}),
 * session.starnet when every datapoint is in the heap (the window opens it and continues in memory), and
 * reconstructions.png with its .csv. Worker only.
 */
final class RunFolder {
    /** Codes go into model.starnet up to this many values (128 MB as doubles). */
    static final long CODES_IN_MODEL = 16_000_000L;
    /** Items in the figure of a run whose data is read from a file. */
    private static final int SHOWN = 12;

    private RunFolder() {}

    /** What was written: whether a session file is among it. */
    record Written(boolean session) {}

    static Written write(Work w, StagedFolder folder, Runs.Progress progress) throws IOException {
        StarNetTrainer t = w.run.trainer();
        int[] shape = {w.dataset.channels(), w.dataset.height(), w.dataset.width()};
        if (w.streamed != null) {
            // written a block at a time: the driver of a cluster or the reader of a store never holds the N codes at once
            starnet.math.RowBlocks codes = (long) t.engine().rows() * t.decoder().layers().get(0).inputWidth() <= CODES_IN_MODEL ? t.codeBlocks() : null;
            ModelFile.write(folder.file("model.starnet"), new ModelFile.SavedModel(w.config, t.decoder(), shape, null, w.run.provenance(w.config, w.datapoints, "")),
                    codes);
            int[] first = new int[Math.min(SHOWN, t.engine().rows())];
            for (int i = 0; i < first.length; i++) first[i] = i;
            Matrix targets = t.engine().imageRows(first), recon = t.reconstructAfterLayer(0, first);
            FigureWriter.write(new GridFigure("The first items and their reconstructions", List.of(new GridFigure.Row("targets", targets),
                    new GridFigure.Row("reconstructed", recon), new GridFigure.Row("error", recon, targets)), List.of(), shape[0], shape[1], shape[2]),
                    folder.file("reconstructions.png"), FigureFormat.PNG, 2);
            if (codes == null) {
                progress.note(String.format("the codes (%,d rows) are not in model.starnet, which keeps at most %,d values of them so that opening it "
                        + "stays light; infer with the model writes them", t.engine().rows(), CODES_IN_MODEL));
            }
            if (!w.streamed.lasting()) {
                progress.note("no session.starnet: the rows were in a temporary store, which goes with the run; train with --store DIR to keep a session "
                        + "the window can open");
                return new Written(false);
            }
            SessionFile.write(folder.file("session.starnet"), SessionContents.of(w));
            return new Written(true);
        }
        SessionFile.Session image = SessionContents.of(w);
        // the solver's cores are free now: the figure and the model file are written beside the session file
        CompletableFuture<Void> figureAndModel = CompletableFuture.runAsync(() -> {
            try {
                SessionExports.figure(image, FigureKind.FIG2, FigureOptions.defaults(), folder.file("reconstructions.png"));
                ModelFile.write(folder.file("model.starnet"), new ModelFile.SavedModel(w.config, image.training().decoder(), shape, image.training().codes(),
                        image.provenance()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try {
            SessionFile.write(folder.file("session.starnet"), image);
        } catch (IOException | RuntimeException e) {
            figureAndModel.exceptionally(x -> null).join(); // nothing is left writing into the folder being removed
            throw e;
        }
        SessionRuns.join(figureAndModel);
        return new Written(true);
    }
}
