package starnet.ui.explore;

import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import starnet.ui.widgets.LiveScrollPane;

/** The Explore tab: runs compared, sweeps, the latent map and the solver inspector, one sub-tab each. */
public final class ExploreView extends TabPane {
    private final ComparePane compare;
    private final SweepPane sweep;
    private final LatentMapPane map;
    private final InspectorPane inspector;

    public ExploreView(CompareViewModel c, SweepViewModel s, LatentMapViewModel m, InspectorViewModel i) {
        compare = new ComparePane(c);
        sweep = new SweepPane(s);
        map = new LatentMapPane(m);
        inspector = new InspectorPane(i);
        getTabs().addAll(tab("Compare", "explore-compare", compare), tab("Sweep", "explore-sweep", sweep),
                tab("Latent map", "explore-map", map), tab("Solver", "explore-inspector", inspector));
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        setId("explore-tabs");
    }

    private static Tab tab(String title, String id, Node content) {
        ScrollPane s = new LiveScrollPane(content);
        s.setFitToWidth(true);
        Tab t = new Tab(title, s);
        t.setId(id);
        return t;
    }

    public ComparePane compare() { return compare; }
    public SweepPane sweep() { return sweep; }
    public LatentMapPane latentMap() { return map; }
    public InspectorPane inspector() { return inspector; }
}
