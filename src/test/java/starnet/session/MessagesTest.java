package starnet.session;

import org.junit.jupiter.api.Test;
import starnet.math.NumericalFailure;

import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A solver that cannot finish is told in plain words, however deep the task machinery wrapped it; a bug is not. */
class MessagesTest {
    @Test
    void aNumericalFailureIsPlainWordsAndABugIsNot() {
        String m = Messages.forUser(new CompletionException(new NumericalFailure("the eigen-decomposition of the system did not converge")));
        assertTrue(m != null && m.startsWith("The solve could not finish: the eigen-decomposition") && !m.contains("Exception"), m);
        assertNull(Messages.forUser(new IllegalStateException("a bug")), "a bug stays an internal error, with its detail in the log");
    }
}
