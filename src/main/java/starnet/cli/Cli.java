package starnet.cli;

import starnet.session.AppLog;
import starnet.data.DataException;
import starnet.io.Version;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Set;

/** The command line: one class per command, all on the same engine as the window. */
public final class Cli {
    static final String HELP = """
            StarNet Workbench %s — gradient-free training of generative decoders by linear solves.

            Usage: java -jar starnet.jar                 open the workbench window
                   java -jar starnet.jar COMMAND [options]

            Commands:
              train   train every layer; writes DIR/metrics.jsonl, model.starnet, session.starnet, reconstructions.png, config.json
                      --data SRC --out DIR [--split train|test] [--limit N] [--widths 128,256] [--slope 0.5]
                      [--epochs 5] [--tol T] [--seed S] [--solver cholesky|pinv] [--ridge 1e-10]
                      [--order sl-first|sw-first] [--init gaussian|orthogonal] [--config FILE.json]
                      [--preset paper-ff|mnist-conv|mnist-conv-full|cifar-conv|cifar-conv-full|small-ff|deep-ff]
                      conv: [--arch conv] [--kernels 6,2] [--kernel-size 7] [--unpool 2] [--padding same|full]
                            [--sw-sample all|S] [--sw-partitions P] [--sl-path auto|dense|cg]
              check   print the determinedness report (paper Theorems 1-2, Lemmas 5-6); exit 0 if determined, 2 if not
                      same data and architecture options as train
              infer   infer codes for new data with a saved model (Lemma 3); writes DIR/metrics.json, DIR/residuals.csv
                      --model FILE --out DIR [--data SRC] [--split test|train] [--limit N]
              experiment fig6|fig7|fig8|refine   the paper's experiments (and refinement); writes a figure and a CSV to --out DIR
                      fig6: StarNet vs Adam autoencoder vs PCA; fig7: SW-first vs SL-first; fig8: SW on 100/500/all (conv);
                      refine: layer-wise training then end-to-end refinement [--rounds 3]; same data/architecture options as train
              baseline  PCA (Eckart-Young) MSE at every width of the architecture, and the Adam autoencoder per epoch
              score   out-of-distribution scores from residuals (Lemma 4) and their AUROC:
                      --model FILE --in SRC --out SRC [--split test|train] [--limit N] [--csv FILE] [--roc FILE.png|svg]
              export  from a saved session (train writes DIR/session.starnet; the window saves them too):
                      --session FILE [--figure fig2|fig4|fig6|grid|loss --format png|svg --scale 1-4 --out FILE]
                      [--metrics FILE.csv] [--model-dir DIR]   (NumPy .npy files + architecture.json)
              bench   time SL, SW and loss evaluation per layer, and the machine's DGEMM rate
                      [--data SRC] [--limit N] [--widths …] [--epochs N] [--json]
              help    this text;   version   the version

            Every command takes --backend openblas|ejml|auto (default auto) and --threads N (default: all cores).
            SRC is sample:mnist, sample:fashion-mnist, an IDX/CIFAR/.mat/.csv/.npy file, or a folder.
            CSV data: [--csv-label auto|first|last|none] [--csv-shape HxW|CxHxW] [--csv-max auto|255|16…]
            Exit codes: 0 success, 2 bad input (with a one-line message), 1 internal error (details in the log).
            """;

    private Cli() {}

    public static int run(String[] argv, PrintStream out, PrintStream err) {
        if (argv.length == 0 || argv[0].equals("help") || argv[0].equals("--help") || argv[0].equals("-h")) {
            out.print(HELP.formatted(Version.get()));
            return 0;
        }
        Set<String> model = RunOptions.union(RunOptions.DATA, RunOptions.MODEL, RunOptions.RUNTIME);
        try {
            switch (argv[0]) {
                case "version", "--version" -> {
                    out.println("StarNet Workbench " + Version.get());
                    return 0;
                }
                case "train" -> {
                    return TrainCommand.run(new Args(argv, 1, Set.of(), RunOptions.union(model, Set.of("out"))), out, err);
                }
                case "check" -> {
                    return CheckCommand.run(new Args(argv, 1, Set.of(), model), out);
                }
                case "infer" -> {
                    return InferCommand.run(new Args(argv, 1, Set.of(),
                            RunOptions.union(RunOptions.DATA, RunOptions.RUNTIME, Set.of("model", "out"))), out);
                }
                case "experiment" -> {
                    if (argv.length < 2 || argv[1].startsWith("--")) throw new CliException("experiment needs a name: fig6, fig7, fig8 or refine");
                    return ExperimentCommand.run(argv[1], new Args(argv, 2, Set.of(), ExperimentCommand.OPTIONS), out, err);
                }
                case "baseline" -> {
                    return BaselineCommand.run(new Args(argv, 1, Set.of(), RunOptions.union(RunOptions.DATA, RunOptions.MODEL, RunOptions.RUNTIME)), out);
                }
                case "score" -> {
                    return ScoreCommand.run(new Args(argv, 1, Set.of(), ScoreCommand.OPTIONS), out);
                }
                case "export" -> {
                    return ExportCommand.run(new Args(argv, 1, ExportCommand.FLAGS, ExportCommand.OPTIONS), out);
                }
                case "bench" -> {
                    return BenchCommand.run(new Args(argv, 1, Set.of("json"), RunOptions.union(model, Set.of("repeat"))), out, err);
                }
                default -> throw new CliException("unknown command '" + argv[0] + "'; expected train, check, infer, score, export, experiment, baseline, bench, help or version");
            }
        } catch (CliException | DataException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("error: " + starnet.io.IoMessages.describe(e));
            AppLog.error("I/O failure", e);
            return 2;
        } catch (java.nio.file.InvalidPathException e) {
            err.println("error: not a usable file name: " + e.getInput().replace("\0", "\\0") + " (" + e.getReason() + ")");
            return 2;
        } catch (OutOfMemoryError e) {
            AppLog.error("out of memory", e);
            err.println("error: out of memory; use --limit N for fewer items, or give Java more memory (for example java -Xmx8g -jar starnet.jar …)");
            return 1;
        } catch (Throwable e) { // anything else is ours to fix: the detail goes to the log, the person gets one line
            AppLog.error("internal error", e);
            err.println("internal error: StarNet Workbench could not finish this command; the details are in " + AppLog.init());
            return 1;
        }
    }
}
