package starnet.ui.core;

import javafx.collections.ObservableList;

import java.util.List;

/**
 * Brings an observable list up to an immutable source list with the fewest changes: a run that only
 * appended, or dropped a block after the first element and appended (the history's trimming), becomes
 * one removal and one addition, so charts and sliders update incrementally; anything else is replaced whole.
 */
public final class ListSync {
    private ListSync() {}

    public static <T> void sync(ObservableList<T> target, List<T> source) {
        if (target.isEmpty() || source.isEmpty() || target.get(0) != source.get(0)) {
            if (!sameElements(target, source)) target.setAll(source);
            return;
        }
        T last = target.get(target.size() - 1);
        int j = source.lastIndexOf(last);
        if (j < 0 || identityIndex(source, last, j) < 0) {
            target.setAll(source);
            return;
        }
        int dropped = target.size() - 1 - j; // elements of target after the first that the source no longer has
        if (dropped < 0 || (dropped > 0 && j >= 1 && target.get(1 + dropped) != source.get(1))) {
            target.setAll(source);
            return;
        }
        if (dropped > 0) target.remove(1, 1 + dropped);
        if (j + 1 < source.size()) target.addAll(source.subList(j + 1, source.size()));
    }

    private static <T> int identityIndex(List<T> list, T element, int at) {
        return list.get(at) == element ? at : -1;
    }

    private static <T> boolean sameElements(List<T> a, List<T> b) {
        if (a.size() != b.size()) return false;
        for (int i = 0; i < a.size(); i++) if (a.get(i) != b.get(i)) return false;
        return true;
    }
}
