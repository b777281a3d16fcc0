package starnet.cli;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import starnet.session.Messages;
import starnet.session.AppLog;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * The command line, on picocli: typed options with their defaults, generated help per command
 * ({@code java -jar starnet.jar help train}), a bash completion script ({@code generate-completion}) and the
 * documented reference (docs/CLI.md, {@code reference}) from the same definitions. Bad input exits 2 with one plain line;
 * an internal error exits 1 and leaves its detail in the log.
 */
@Command(name = "java -jar starnet.jar", sortOptions = false, usageHelpAutoWidth = true,
        description = "StarNet Workbench: gradient-free training of deep generative decoders by solving linear systems layer by layer. "
                + "Without a command, java -jar starnet.jar opens the window (with a .starnet file, on that session).",
        subcommands = {TrainCommand.class, StoreCommand.class, CheckCommand.class, InferCommand.class, GenerateCommand.class, ExportCommand.class, ScoreCommand.class,
                ExperimentCommand.class, SweepCommand.class, CompareCommand.class, InspectCommand.class, BaselineCommand.class, BenchCommand.class, CommandLine.HelpCommand.class, Cli.VersionCommand.class,
                Cli.CompletionCommand.class, CliReference.class},
        footer = {"", "Exit codes: 0 success, 2 bad input (one line saying what was expected), 1 internal error (details in ~/.starnet/starnet.log)."})
public final class Cli implements Callable<Integer> {
    final PrintStream out, err;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "this help")
    boolean help;

    @Option(names = {"-V", "--version"}, versionHelp = true, description = "the version")
    boolean version;

    private Cli(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** No command: the list of commands. */
    @Override
    public Integer call() {
        new CommandLine(this).usage(out);
        return 0;
    }

    /**
     * {@code generate-completion}: a bash (and zsh, through bashcompinit) completion script for the {@code starnet}
     * command ({@code bin/starnet}, or the installed launcher). The script's functions are named after the command, so the
     * name must be a shell identifier — "java -jar starnet.jar" is not.
     */
    @Command(name = "generate-completion", mixinStandardHelpOptions = true,
            description = "Prints a bash/zsh completion script for the starnet command (bin/starnet): . <(bin/starnet generate-completion)")
    static final class CompletionCommand implements Callable<Integer> {
        @CommandLine.ParentCommand Cli cli;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            CommandLine root = new CommandLine(new Cli(cli.out, cli.err));
            root.setCommandName("starnet");
            cli.out.print(AutoComplete.bash("starnet", root));
            return 0;
        }
    }

    /** {@code version}. */
    @Command(name = "version", mixinStandardHelpOptions = true, description = "Prints the version.")
    static final class VersionCommand implements Callable<Integer> {
        @CommandLine.ParentCommand Cli cli;

        @Override
        public Integer call() {
            cli.out.println("StarNet Workbench " + Messages.version());
            return 0;
        }
    }

    /** The command line with its handlers, writing to {@code out} and {@code err}. */
    static CommandLine commandLine(PrintStream out, PrintStream err) {
        CommandLine cmd = new CommandLine(new Cli(out, err));
        cmd.setOut(new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        cmd.setErr(new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        for (CommandLine sub : cmd.getSubcommands().values()) {
            sub.getCommandSpec().usageMessage().showDefaultValues(true).requiredOptionMarker('*'); // "* --out=DIR": the options a command cannot run without
        }
        cmd.setOverwrittenOptionsAllowed(true); // the last of a repeated option wins, as in most tools
        cmd.setParameterExceptionHandler((e, args) -> {
            err.println("error: " + plain(e.getMessage()) + hint(e.getCommandLine()));
            return 2;
        });
        cmd.setExecutionExceptionHandler((e, c, parsed) -> failure(e, err));
        cmd.getCommandSpec().versionProvider(() -> new String[] {"StarNet Workbench " + Messages.version()});
        return cmd;
    }

    public static int run(String[] argv, PrintStream out, PrintStream err) {
        try {
            return commandLine(out, err).execute(argv);
        } catch (Throwable e) { // even the parser failing is answered in one line
            return failure(e, err);
        }
    }

    /** Refuses an empty output path; the path otherwise. */
    static Path outputPath(String option, String value) {
        if (value == null || value.isBlank()) throw new CliException(option + " needs a value, not an empty one, e.g. " + option + " runs/mnist");
        return Path.of(value);
    }

    private static int failure(Throwable e, PrintStream err) {
        while ((e instanceof java.io.UncheckedIOException || e instanceof java.util.concurrent.CompletionException
                || e instanceof java.util.concurrent.ExecutionException) && e.getCause() != null) {
            e = e.getCause(); // a wrapped failure is answered as itself: a full disk under a progress writer is a full disk
        }
        String plain = e instanceof CliException ? e.getMessage() : Messages.forUser(e);
        if (plain != null) {
            err.println("error: " + plain);
            return 2;
        }
        if (e instanceof IOException io && !(io instanceof java.io.ObjectStreamException)) { // a value that cannot be serialized is ours to fix
            err.println("error: " + Messages.describe(io));
            AppLog.userError("bad input", e);
            return 2;
        }
        if (e instanceof InvalidPathException p) {
            err.println("error: not a usable file name: " + p.getInput().replace("\0", "\\0") + " (" + p.getReason() + ")");
            return 2;
        }
        if (e instanceof OutOfMemoryError) {
            AppLog.error("out of memory", e);
            err.println("error: out of memory; use --limit N for fewer items, or give Java more memory (for example java -Xmx8g -jar starnet.jar …)");
            return 1;
        }
        AppLog.error("internal error", e); // anything else is ours to fix: the detail goes to the log, the person gets one line
        err.println("internal error: StarNet Workbench could not finish this command; the details are in " + AppLog.init());
        return 1;
    }

    /** picocli's parse messages in the project's words (no Java type names). */
    static String plain(String message) {
        String m = message == null ? "bad arguments" : message.split("\n")[0];
        m = m.replaceAll("Invalid value for option '([^']+)': '([^']*)' is not an? (int|long|short)", "$1 expects a whole number, got '$2'")
                .replaceAll("Invalid value for option '([^']+)': '([^']*)' is not an? (double|float)", "$1 expects a number, got '$2'")
                .replaceAll("Invalid value for option '([^']+)': (.*)", "$1: $2")
                .replaceAll("^Unknown options?: ", "unknown option ")
                .replaceAll("^Missing required options?: ", "missing ")
                .replaceAll("^Missing required parameter: ", "missing ")
                .replaceAll("^Unmatched arguments? from index \\d+: ", "unexpected argument ")
                .replaceAll("java\\.[a-zA-Z.]+", "value");
        return m.replaceAll("'(--[a-z0-9-]+)=([^']*)'", "$1 $2");
    }

    private static String hint(CommandLine c) {
        String name = c == null || c.getParent() == null ? "" : " " + c.getCommandName();
        return "; see 'java -jar starnet.jar help" + name + "'";
    }
}
