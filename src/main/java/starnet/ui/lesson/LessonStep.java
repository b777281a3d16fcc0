package starnet.ui.lesson;

import starnet.ui.core.RightTab;

import java.util.function.Consumer;

/**
 * One step of the guided lesson.
 *
 * @param title    a few words
 * @param text     two or three sentences: what to look at, what the solve does, what the result means; a step that
 *                 solves names the step counter it ends at ("step 11")
 * @param targetId the id of the control or panel the step talks about (lit up and scrolled into view while it is shown)
 * @param tab      the right-hand tab the text talks about, or null when the step keeps the tab shown
 * @param counter  the step counter the window shows once the step's action is done (0 before the first solve)
 * @param action   what the step does when it is shown (load, configure, solve), or null
 */
public record LessonStep(String title, String text, String targetId, RightTab tab, int counter, Consumer<LessonContext> action) {}
