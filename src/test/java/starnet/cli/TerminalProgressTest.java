package starnet.cli;

import org.junit.jupiter.api.Test;
import starnet.model.Phase;
import starnet.model.StepResult;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** train's progress on a terminal: the step lines as a log, one status line beneath them redrawn in place, gone at the end. */
class TerminalProgressTest {
    private static StepResult step(int n, double seconds) {
        return new StepResult(n, 2, (n + 1) / 2, n % 2 == 1 ? Phase.SL : Phase.SW, 0.01, 0.1, 0.01, seconds, 3, "cholesky", new double[0], false);
    }

    @Test
    void stepsAreLinesAndTheStatusLineCountsAndEstimates() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TerminalProgress p = new TerminalProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), 4);
        assertEquals("[------------------------] 0 of at most 4 solves", p.status());
        p.note("Backend: test");
        p.step(step(1, 1.0));
        p.step(step(2, 3.0));
        assertEquals("[############------------] 2 of at most 4 solves · at most about 4 s left", p.status(), "2 s a solve so far, 2 to go");
        p.finish();
        String out = bytes.toString(StandardCharsets.UTF_8);
        String plain = out.replace("\033[K", "").replaceAll("\\[[#-]{24}\\][^\\r]*", "").replace("\r", "");
        assertEquals("Backend: test\n" + step(1, 1.0).summary() + "\n" + step(2, 3.0).summary() + "\n", plain, "the log reads as without a terminal");
        assertTrue(out.endsWith("\r\033[K"), "the status line is cleared before the command's last words");
        assertFalse(java.util.regex.Pattern.compile("\\[[#-]{24}\\][^\\r]*\\n").matcher(out).find(), "a status line is cleared before the next line, never left in the log");
    }

    @Test
    void writingAStoreShowsItsOwnBarUntilTheFirstSolve() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TerminalProgress p = new TerminalProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), 4);
        p.note("writing 60,000 images × 1 shift to /tmp/s");
        p.done(0);
        assertEquals("[------------------------] 0%", p.status());
        p.done(0.5);
        assertTrue(p.status().startsWith("[############------------] 50%"), p.status());
        p.done(1);
        assertEquals("[------------------------] 0 of at most 4 solves", p.status(), "a finished part gives the bar back to the solves");
        p.done(0.25);
        p.step(step(1, 1.0));
        assertTrue(p.status().startsWith("[######------------------] 1 of at most 4 solves"), p.status());
    }

    @Test
    void aSweepsBarShowsTheFractionDoneAndTheTimeLeftAtThePaceSoFar() {
        assertEquals("[------------------------] 0%", TerminalBar.status(0, 3));
        assertEquals("[############------------] 50% · about 10 s left", TerminalBar.status(0.5, 10), "10 s for the first half");
        assertEquals("[######------------------] 25% · about 30 s left", TerminalBar.status(0.25, 10));
        assertEquals("[########################] 100% · under a second left", TerminalBar.status(1, 10));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TerminalBar plain = TerminalBar.of(new PrintStream(bytes, true, StandardCharsets.UTF_8)); // not the process's terminal: plain lines
        plain.note("run 1 of 2 done");
        plain.done(0.5);
        plain.above(() -> bytes.writeBytes("row\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals("run 1 of 2 done\nrow\n", bytes.toString(StandardCharsets.UTF_8));
    }
}
