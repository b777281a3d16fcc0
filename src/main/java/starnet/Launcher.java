package starnet;

import starnet.cli.Cli;
import starnet.session.AppLog;

/**
 * Plain entry point (not an {@code Application} subclass, so the shaded jar starts JavaFX itself):
 * the workbench window with no arguments or with one {@code .starnet} session file to open, the CLI otherwise.
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        AppLog.init();
        if (args.length == 0 || (args.length == 1 && args[0].endsWith(".starnet"))) {
            starnet.ui.WorkbenchApp.main(args);
            return;
        }
        System.setProperty("java.awt.headless", "true"); // figures are drawn off screen: no display libraries, whatever DISPLAY says
        int code = Cli.run(args, System.out, System.err);
        System.out.flush();
        System.exit(code);
    }
}
