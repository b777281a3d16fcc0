package starnet.model;

import java.util.List;

/** A setting on which compared runs disagree (a dotted path, e.g. architecture.slope), and each run's value ("—" where a run does not have it). */
public record RunDifference(String setting, List<String> values) {}
