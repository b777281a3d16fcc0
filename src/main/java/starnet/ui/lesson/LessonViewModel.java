package starnet.ui.lesson;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import starnet.ui.core.FxThread;
import starnet.ui.core.SessionModel;

import java.util.List;

/** The guided lesson's place: which step is shown, moving on (each step does its part when it is shown), back, leaving. */
public final class LessonViewModel {
    private final List<LessonStep> steps;
    private final LessonContext context;
    private final SessionModel model;
    private final ReadOnlyIntegerWrapper index = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper();

    public LessonViewModel(SessionModel model) {
        this(Lesson.steps(), new LessonContext(model), model);
    }

    LessonViewModel(List<LessonStep> steps, LessonContext context, SessionModel model) {
        this.steps = List.copyOf(steps);
        this.context = context;
        this.model = model;
    }

    /**
     * Starts (or restarts) at the first step, on fresh work of its own: the work in the window is set aside untouched
     * and comes back when the lesson ends.
     */
    public void start() {
        FxThread.check();
        if (!active.get() && model != null) model.session().park();
        active.set(true);
        index.set(-1);
        context.forget();
        next();
    }

    /** The next step, doing what it does; past the last, the lesson ends. */
    public void next() {
        FxThread.check();
        if (!active.get()) return;
        if (index.get() + 1 >= steps.size()) {
            leave();
            return;
        }
        index.set(index.get() + 1);
        LessonStep s = steps.get(index.get());
        if (s.action() != null) s.action().accept(context);
    }

    /** Shows the previous step again (its text and highlight; solves are not undone). */
    public void back() {
        FxThread.check();
        if (active.get() && index.get() > 0) index.set(index.get() - 1);
    }

    /** Ends the lesson: the work set aside when it started comes back exactly as it was. */
    public void leave() {
        FxThread.check();
        if (active.get() && model != null) model.session().unpark();
        active.set(false);
        index.set(-1);
    }

    /** The step shown, or null when the lesson is not running. */
    public LessonStep current() {
        return active.get() && index.get() >= 0 ? steps.get(index.get()) : null;
    }

    public int size() { return steps.size(); }
    public ReadOnlyIntegerProperty indexProperty() { return index.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty activeProperty() { return active.getReadOnlyProperty(); }
}
