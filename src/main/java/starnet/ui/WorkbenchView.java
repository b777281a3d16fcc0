package starnet.ui;

import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import starnet.ui.architecture.ArchitecturePane;
import starnet.ui.architecture.ReportView;
import starnet.ui.charts.LossChartPane;
import starnet.ui.charts.ResidualPane;
import starnet.ui.dataset.DatasetPane;
import starnet.ui.reconstruction.ReconstructionPane;
import starnet.ui.research.ResearchPane;
import starnet.ui.run.ScheduleRibbon;
import starnet.ui.run.StatusBar;
import starnet.ui.run.TrainingControls;
import starnet.ui.solving.NowSolvingPane;
import starnet.ui.lesson.LessonPanel;
import starnet.ui.lesson.LessonViewModel;
import starnet.ui.widgets.LiveScrollPane;
import starnet.ui.widgets.NoticeBar;
import starnet.ui.widgets.UiScale;

/** Builds the main window's scene graph from the panels' view models ({@link WorkbenchModels}). */
public final class WorkbenchView {
    private final BorderPane root = new BorderPane();
    private final MainMenu menu;
    private final ReconstructionPane reconstructions;
    private final LossChartPane loss;
    private final ResidualPane residuals;
    private final TrainingControls controls;
    private final ResearchPane research;
    private final NowSolvingPane solving;
    private final starnet.ui.explore.ExploreView explore;
    private final LessonViewModel lesson;
    private final LessonPanel lessonPanel;
    private TabPane rightTabs;
    private final java.util.List<Runnable> unattachedTabs = new java.util.ArrayList<>();
    private final ScrollPane leftScroll;
    private final javafx.beans.property.BooleanProperty presenter = new javafx.beans.property.SimpleBooleanProperty();
    private final StatusBar statusBar;
    private SplitPane center;
    private double dividerBeforePresenter = 0.56;
    private double zoomBeforePresenter = 1;

    public WorkbenchView(WorkbenchModels m) {
        root.getStylesheets().add(WorkbenchView.class.getResource("workbench.css").toExternalForm());
        root.setId("workbench");
        menu = new MainMenu(m, () -> root.getScene().getWindow(), presenter);
        controls = new TrainingControls(m.run());
        VBox top = new VBox(menu.bar(), controls, new ScheduleRibbon(m.run()));
        top.getStyleClass().add("top-bar");
        root.setTop(top);

        VBox left = new VBox(6, titled("Dataset", new DatasetPane(m.dataset())), titled("Architecture and solver", new ArchitecturePane(m.architecture())),
                titled("Is every system determined?", new ReportView(m.architecture())));
        left.getStyleClass().add("side-panel");
        leftScroll = scroll(left);
        leftScroll.prefWidthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> Math.min(UiScale.px(390), root.getWidth() * 0.42), UiScale.factor(), root.widthProperty()));
        leftScroll.minWidthProperty().bind(leftScroll.prefWidthProperty().multiply(0.8));
        leftScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        root.setLeft(leftScroll);

        reconstructions = new ReconstructionPane(m.reconstructions());
        loss = new LossChartPane(m.loss());
        residuals = new ResidualPane(m.residuals());
        VBox charts = new VBox(loss, residuals);
        VBox.setVgrow(loss, Priority.ALWAYS);
        ScrollPane chartScroll = scroll(charts);
        chartScroll.setFitToHeight(true);
        research = new ResearchPane(m.research());
        solving = new NowSolvingPane(m.solving());
        Tab solvingTab = new Tab("Now solving", scroll(solving));
        solvingTab.setId("tab-now-solving");
        solvingTab.selectedProperty().addListener((obs, o, on) -> {
            if (on) javafx.application.Platform.runLater(solving::shownAgain);
        });
        var em = m.explore();
        explore = new starnet.ui.explore.ExploreView(em.compare(), em.sweep(), em.latentMap(), em.inspector());
        Tab exploreTab = new Tab("Explore", explore);
        exploreTab.setId("tab-explore");
        Tab lossTab = new Tab("Loss", chartScroll);
        lossTab.setId("tab-loss");
        lossTab.setTooltip(new javafx.scene.control.Tooltip("Loss charts and residuals"));
        lossTab.selectedProperty().addListener((obs, o, on) -> {
            if (on) javafx.application.Platform.runLater(() -> {
                loss.requestLayout(); // points added while another tab showed are drawn now
                residuals.requestLayout();
            });
        });
        research.setMinWidth(0); // as wide as the tab, never wider: its text wraps and its rows flow instead of running off the side
        ScrollPane researchScroll = scroll(research);
        researchScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        Tab generateTab = new Tab("Generate", researchScroll);
        generateTab.setId("tab-generate");
        generateTab.setTooltip(new javafx.scene.control.Tooltip("Generate, refine, score out-of-distribution"));
        exploreTab.setTooltip(new javafx.scene.control.Tooltip("Compare runs, sweeps, the latent map and the solver inspector"));
        for (Tab t : java.util.List.of(solvingTab, generateTab, exploreTab)) attachWhenFirstShown(t);
        TabPane right = new TabPane(lossTab, solvingTab, generateTab, exploreTab);
        right.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        right.setId("right-tabs");
        rightTabs = right;
        center = new SplitPane(scroll(reconstructions), right);
        center.setOrientation(Orientation.HORIZONTAL);
        center.setDividerPositions(0.56);
        // the Explore panels want room: the divider moves left while they show, and back to where it was after
        double[] before = {Double.NaN};
        exploreTab.selectedProperty().addListener((obs, was, on) -> {
            if (on) {
                double now = center.getDividers().get(0).getPosition();
                if (now > 0.42) {
                    before[0] = now;
                    center.setDividerPositions(0.42);
                }
            } else if (!Double.isNaN(before[0])) {
                center.setDividerPositions(before[0]);
                before[0] = Double.NaN;
            }
        });
        lesson = new LessonViewModel(m.session());
        lessonPanel = new LessonPanel(lesson, id -> {
            attachAllTabs(); // a lesson may point into a tab not shown yet
            return root.lookup("#" + id);
        }, this::reveal);
        menu.setLessonStarter(lesson::start);
        menu.setExploreOpener(this::showExplore);
        NoticeBar notices = new NoticeBar(m.session());
        notices.collapseWhenEmptyProperty().bind(presenter);
        VBox work = new VBox(notices, lessonPanel, center);
        VBox.setVgrow(center, Priority.ALWAYS);
        root.setCenter(work);
        statusBar = new StatusBar(m.run());
        root.setBottom(statusBar);
        root.styleProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> String.format(java.util.Locale.ROOT, "-fx-font-size: %.1fpx;", UiScale.px(UiScale.BASE_FONT)), UiScale.factor()));
        presenter.addListener((obs, was, on) -> presenterChanged(on));
        // Space plays or pauses when no control that answers to Space has the focus (a focused button is pressed instead)
        root.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() != javafx.scene.input.KeyCode.SPACE || e.isShortcutDown() || e.isAltDown() || takesKeys(root.getScene().getFocusOwner())) return;
            e.consume();
            m.run().playPause();
        });
        root.addEventFilter(javafx.scene.input.KeyEvent.KEY_RELEASED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.SPACE && !takesKeys(root.getScene().getFocusOwner())) e.consume();
        });
        // Enter presses the focused button (as Space does), not the window's default action
        root.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER && !e.isShortcutDown() && !e.isAltDown()
                    && root.getScene().getFocusOwner() instanceof javafx.scene.control.ButtonBase b && !b.isDisabled()) {
                e.consume();
                b.fire();
            }
        });
        // while the lesson runs, a presentation clicker's keys (→ and Page Down, ← and Page Up) move through it
        root.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (!lesson.activeProperty().get() || e.isShortcutDown() || e.isAltDown()) return;
            javafx.scene.Node focus = root.getScene().getFocusOwner();
            boolean arrowsTaken = focus instanceof javafx.scene.control.TextInputControl || focus instanceof javafx.scene.control.Slider
                    || focus instanceof javafx.scene.control.ListView || focus instanceof javafx.scene.control.TableView;
            switch (e.getCode()) {
                case PAGE_DOWN -> lesson.next();
                case PAGE_UP -> lesson.back();
                case RIGHT -> { if (arrowsTaken) return; lesson.next(); }
                case LEFT -> { if (arrowsTaken) return; lesson.back(); }
                default -> { return; }
            }
            e.consume();
        });
        // Ctrl+Tab and Ctrl+Shift+Tab move through the right-hand tabs
        root.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() != javafx.scene.input.KeyCode.TAB || !e.isControlDown() || rightTabs == null) return;
            var sel = rightTabs.getSelectionModel();
            int n = rightTabs.getTabs().size();
            sel.select((sel.getSelectedIndex() + (e.isShiftDown() ? n - 1 : 1)) % n);
            e.consume();
        });
        root.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> { // the keypad's + and −, and Ctrl+Shift+= (a "+" on most layouts)
            if (!e.isShortcutDown()) return;
            switch (e.getCode()) {
                case ADD, PLUS -> UiScale.zoomIn();
                case SUBTRACT -> UiScale.zoomOut();
                default -> { return; }
            }
            e.consume();
        });
    }

    /** Whether {@code n} answers to Space or Enter itself: a button, a check box, a choice, a slider, a text field. */
    private static boolean takesKeys(javafx.scene.Node n) {
        return n instanceof javafx.scene.control.ButtonBase || n instanceof javafx.scene.control.TextInputControl || n instanceof javafx.scene.control.ComboBoxBase
                || n instanceof javafx.scene.control.ChoiceBox || n instanceof javafx.scene.control.Slider || n instanceof javafx.scene.control.ListView
                || n instanceof javafx.scene.control.TableView;
    }

    public Parent root() { return root; }

    /**
     * Puts {@code t}'s content into the scene when the tab is first selected: the window opens without styling and laying
     * out panels nobody looks at yet (stage.show() took about 0.9 s with every tab built).
     */
    private void attachWhenFirstShown(Tab t) {
        javafx.scene.Node content = t.getContent();
        t.setContent(null);
        boolean[] attached = {false};
        Runnable attach = () -> {
            if (attached[0]) return;
            attached[0] = true;
            t.setContent(content);
            content.applyCss(); // its controls get their skins now, not at the next pulse: what it holds can be found at once
        };
        unattachedTabs.add(attach);
        t.selectedProperty().addListener((obs, was, on) -> {
            if (on) attach.run();
        });
    }

    private void attachAllTabs() {
        unattachedTabs.forEach(Runnable::run);
    }

    /** Brings {@code node} into view: selects the right-hand tab it lives on. */
    /**
     * Shows {@code tab} (or, when null, the tab that holds {@code node}) and scrolls {@code node} into view once the
     * scene is laid out; either may be null.
     */
    private void reveal(javafx.scene.Node node, starnet.ui.core.RightTab tab) {
        Tab chosen = null;
        for (Tab t : rightTabs.getTabs()) {
            if (tab != null ? tab.id().equals(t.getId()) : node != null && holds(t, node)) chosen = t;
        }
        if (chosen != null) rightTabs.getSelectionModel().select(chosen);
        if (node == null) return;
        root.applyCss();
        root.layout();
        starnet.ui.widgets.ScrollIntoView.show(node);
        javafx.application.Platform.runLater(() -> starnet.ui.widgets.ScrollIntoView.show(node)); // again, after what the step changed is laid out
    }

    private static boolean holds(Tab t, javafx.scene.Node node) {
        for (javafx.scene.Node p = node; p != null; p = p.getParent()) if (p == t.getContent()) return true;
        return false;
    }

    public LessonViewModel lesson() { return lesson; }
    public LessonPanel lessonPanel() { return lessonPanel; }

    /**
     * Presenter mode (F5): the editors step aside and everything is drawn at least at 150 %, so the
     * reconstructions, the chart and the run controls fill a projected screen; off again restores the zoom.
     */
    public javafx.beans.property.BooleanProperty presenterProperty() { return presenter; }

    /** The zoom to remember: the one in force outside presenter mode. */
    public double zoomOutsidePresenter() { return presenter.get() ? zoomBeforePresenter : UiScale.factor().get(); }

    private void presenterChanged(boolean on) {
        if (on) {
            zoomBeforePresenter = UiScale.factor().get();
            UiScale.set(Math.max(1.5, zoomBeforePresenter));
            root.setLeft(null);
            root.getStyleClass().add("presenter");
            dividerBeforePresenter = center.getDividers().get(0).getPosition();
            center.setDividerPositions(0.62); // the pictures get the room: eight items of at least 64 px at 1280×720
        } else {
            UiScale.set(zoomBeforePresenter);
            root.setLeft(leftScroll);
            root.getStyleClass().remove("presenter");
            center.setDividerPositions(dividerBeforePresenter);
        }
        reconstructions.setPresenting(on);
        statusBar.setPresenting(on);
    }

    public MainMenu menu() { return menu; }

    /**
     * Computes every control's disabled look once, while the window opens, instead of in the first
     * pulse of the first run (where it cost 40–50 ms of style calculation while the solver starts).
     * Call after the root is in a showing scene; nothing is drawn in between.
     */
    public void prepareDisabledStyles() {
        root.setDisable(true);
        root.applyCss();
        root.setDisable(false);
        root.applyCss();
    }

    private static ScrollPane scroll(Node content) {
        ScrollPane s = new LiveScrollPane(content);
        s.setFitToWidth(true);
        return s;
    }

    private static TitledPane titled(String title, Node content) {
        TitledPane t = new TitledPane(title, content);
        t.setCollapsible(true);
        return t;
    }

    public ReconstructionPane reconstructions() { return reconstructions; }
    public LossChartPane loss() { return loss; }
    public ResidualPane residuals() { return residuals; }
    public TrainingControls controls() { return controls; }
    public ResearchPane research() { return research; }
    public NowSolvingPane solving() { return solving; }
    public starnet.ui.explore.ExploreView explore() { return explore; }

    /** Selects the right-hand tab with id {@code id} (tab-now-solving, tab-generate, tab-explore). */
    public void showTab(String id) {
        rightTabs.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst().ifPresent(t -> rightTabs.getSelectionModel().select(t));
    }

    /** Shows the Explore tab's sub-tab {@code index} (0 compare, 1 sweep, 2 latent map, 3 solver inspector). */
    public void showExplore(int index) {
        showTab("tab-explore");
        explore.getSelectionModel().select(index);
    }
}
