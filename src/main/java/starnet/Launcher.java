package starnet;

import starnet.cli.Cli;

/**
 * Plain entry point (not an {@code Application} subclass, so the shaded jar starts JavaFX itself):
 * the CLI when arguments are given, the workbench window otherwise.
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        AppLog.init();
        if (args.length == 0) {
            starnet.ui.WorkbenchApp.main(args);
            return;
        }
        int code = Cli.run(args, System.out, System.err);
        System.out.flush();
        System.exit(code);
    }
}
