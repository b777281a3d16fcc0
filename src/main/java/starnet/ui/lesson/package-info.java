/** The guided lesson (Help → Lesson): steps that set up, solve and explain, each lighting up the part of the window it talks about. */
package starnet.ui.lesson;
