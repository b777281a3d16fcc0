package starnet.ui.help;

/** The user documentation the window carries (the engineering pages — performance, engines, architecture — stay in the project). */
public enum HelpPage {
    OVERVIEW("Overview (README)", "README.md"),
    WINDOW("The window", "docs/WINDOW.md"),
    EXPLORING("Exploring and figures", "docs/EXPLORING.md"),
    COMMAND_LINE("The command line", "docs/CLI.md"),
    FORMATS("File formats and bad input", "docs/FORMATS.md");

    private final String title, resource;

    HelpPage(String title, String resource) {
        this.title = title;
        this.resource = resource;
    }

    public String title() { return title; }

    /** Its path among the application's resources. */
    public String resource() { return resource; }

    /** The page at this resource path, or null when it is not part of the Help. */
    static HelpPage ofResource(String path) {
        for (HelpPage p : values()) if (p.resource.equals(path)) return p;
        return null;
    }

    @Override public String toString() { return title; }
}
