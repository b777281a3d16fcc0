package starnet.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A test that hangs ends the build with its stacks, not a CI timeout with none: after {@link #LIMIT_SECONDS} seconds (8 minutes unless {@code -Dstarnet.test.limitSeconds} says otherwise) a
 * test's JVM prints its own threads and those of every process it started, kills those processes and interrupts the
 * test; two minutes later, if the test still runs, the JVM halts. A test class as a whole (with its set-up and tear-down)
 * is watched the same way with three times the limit. Registered for every test through the service file
 * and {@code junit.jupiter.extensions.autodetection.enabled}.
 */
public final class Watchdog implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
    static final long LIMIT_SECONDS = Long.getLong("starnet.test.limitSeconds", 480), GRACE_SECONDS = 120;
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "test watchdog");
        t.setDaemon(true);
        return t;
    });
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(Watchdog.class);

    /** A whole test class (its set-up and tear-down too) is watched with three times a test's limit. */
    @Override
    public void beforeAll(ExtensionContext context) {
        watch(context, context.getRequiredTestClass().getName(), 3 * LIMIT_SECONDS);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        afterEach(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        watch(context, context.getDisplayName() + " in " + context.getRequiredTestClass().getName(), LIMIT_SECONDS);
    }

    private static void watch(ExtensionContext context, String name, long limitSeconds) {
        Thread test = Thread.currentThread();
        ScheduledFuture<?> bark = TIMER.schedule(() -> hung(name, test, limitSeconds), limitSeconds, TimeUnit.SECONDS);
        ScheduledFuture<?> halt = TIMER.schedule(() -> {
            System.err.println("[watchdog] " + name + " still runs " + (limitSeconds + GRACE_SECONDS) + " s after it started: halting the test JVM");
            System.err.flush();
            Runtime.getRuntime().halt(3);
        }, limitSeconds + GRACE_SECONDS, TimeUnit.SECONDS);
        context.getStore(NS).put("timers", new ScheduledFuture<?>[] {bark, halt});
    }

    @Override
    public void afterEach(ExtensionContext context) {
        ScheduledFuture<?>[] timers = context.getStore(NS).remove("timers", ScheduledFuture[].class);
        if (timers != null) for (ScheduledFuture<?> t : timers) t.cancel(false);
    }

    private static void hung(String name, Thread test, long limitSeconds) {
        StringBuilder b = new StringBuilder("[watchdog] " + name + " has run " + limitSeconds + " s. Its JVM's threads:\n").append(Stacks.ofThisJvm());
        ProcessHandle.current().descendants().forEach(p -> {
            b.append("[watchdog] process ").append(p.pid()).append(' ').append(p.info().command().orElse("")).append('\n');
            b.append(Stacks.ofProcess(p.pid()));
        });
        System.err.println(b);
        System.err.flush();
        ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
        test.interrupt();
    }
}
