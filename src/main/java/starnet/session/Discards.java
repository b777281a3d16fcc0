package starnet.session;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The works a session replaced, for Undo and Redo: the last {@link #DEPTH} discards (a reset, another configuration or
 * dataset, an opened file, a lesson started), and the works Undo replaced. A new discard clears Redo. A work that falls
 * off the end has its run closed, unless the session still holds that run elsewhere. Worker only.
 */
final class Discards {
    /** Discards kept for Undo. */
    static final int DEPTH = 5;

    /** A work kept, and what bringing it back brings back, in words ("the 20 trained steps discarded by Reset"). */
    record Entry(Work work, String what) {}

    private final Deque<Entry> undo = new ArrayDeque<>(), redo = new ArrayDeque<>();

    /** Keeps {@code w} for Undo; Redo forgets what it held. {@code inUse} says whether a run is still held by the session. */
    void discarded(Work w, String what, Predicate<TrainingRun> inUse) {
        for (Entry e : redo) closeUnlessUsed(e, inUse);
        redo.clear();
        undo.push(new Entry(w, what));
        while (undo.size() > DEPTH) closeUnlessUsed(undo.removeLast(), inUse);
    }

    /** The newest discard, taken for Undo, with {@code current} kept for Redo as {@code currentWhat}; null when there is none. */
    Entry undo(Work current, String currentWhat) {
        if (undo.isEmpty()) return null;
        redo.push(new Entry(current, currentWhat));
        return undo.pop();
    }

    /** The newest work Undo replaced, taken back, with {@code current} kept for Undo again; null when there is none. */
    Entry redo(Work current, String currentWhat) {
        if (redo.isEmpty()) return null;
        undo.push(new Entry(current, currentWhat));
        return redo.pop();
    }

    /** What Undo would bring back, or null. */
    String undoable() { return undo.isEmpty() ? null : undo.peek().what(); }

    /** What Redo would bring back, or null. */
    String redoable() { return redo.isEmpty() ? null : redo.peek().what(); }

    /** Whether a kept work holds {@code run}. */
    boolean holds(TrainingRun run) {
        for (Entry e : undo) if (e.work().run == run) return true;
        for (Entry e : redo) if (e.work().run == run) return true;
        return false;
    }

    /** Closes every kept work's run (the session closes). */
    void closeAll() {
        IdentityHashMap<TrainingRun, Boolean> closed = new IdentityHashMap<>();
        for (Deque<Entry> d : java.util.List.of(undo, redo)) {
            for (Entry e : d) if (e.work().run != null && closed.put(e.work().run, true) == null) e.work().run.close();
        }
        undo.clear();
        redo.clear();
    }

    private void closeUnlessUsed(Entry e, Predicate<TrainingRun> inUse) {
        TrainingRun r = e.work().run;
        if (r != null && !inUse.test(r) && !holds(r)) r.close();
    }
}
