package starnet.ui.lesson;

import java.util.function.Consumer;

/**
 * One step of the guided lesson.
 *
 * @param title    a few words
 * @param text     two or three sentences: what to look at, what the solve does, what the result means
 * @param targetId the id of the control or panel the step talks about (highlighted while it is shown)
 * @param action   what the step does when it is shown (load, configure, solve), or null
 */
public record LessonStep(String title, String text, String targetId, Consumer<LessonContext> action) {}
