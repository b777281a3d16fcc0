package starnet.ui;

/** Runs everything immediately on the calling thread: for view-model tests without a window. */
public final class DirectThreads implements Threads {
    @Override public void background(Runnable work) { work.run(); }
    @Override public void ui(Runnable update) { update.run(); }
}
