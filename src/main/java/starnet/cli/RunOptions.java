package starnet.cli;

import starnet.model.LayerPlan;
import starnet.model.StarNetConfig;

import java.util.List;

/** What commands that train share: the architecture's layers for the data at hand. */
final class RunOptions {
    private RunOptions() {}

    /** The architecture's layers for this dataset's image shape; sizes that do not fit are a user error. */
    static List<LayerPlan> plan(StarNetConfig c, starnet.data.Dataset ds) {
        try {
            return c.architecture().plan(ds.channels(), ds.height(), ds.width());
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage() + " (images are " + ds.channels() + "×" + ds.height() + "×" + ds.width() + ")");
        }
    }
}
