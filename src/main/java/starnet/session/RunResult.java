package starnet.session;

import java.nio.file.Path;

/**
 * A finished training run.
 *
 * @param layers     the decoder's depth
 * @param seconds    time spent training (the solves and their evaluation)
 * @param outputMse  the reconstruction MSE after the last step
 * @param datapoints N
 * @param engine     where it trained, in words
 * @param folder     the run folder
 * @param session    whether the folder holds a session.starnet (runs whose data is not all in the heap have none)
 */
public record RunResult(int layers, double seconds, double outputMse, long datapoints, String engine, Path folder, boolean session) {}
