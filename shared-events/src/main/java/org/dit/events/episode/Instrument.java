package org.dit.events.episode;

import java.util.List;

/** The standardised questionnaires of docs/design.md §3; the item count, item range and severity bands are part of the published language. */
public enum Instrument {
    PHQ9(9, "44261-6", new int[] {5, 10, 15, 20}, List.of(Severity.MINIMAL, Severity.MILD, Severity.MODERATE, Severity.MODERATELY_SEVERE, Severity.SEVERE)),
    GAD7(7, "70274-6", new int[] {5, 10, 15}, List.of(Severity.MINIMAL, Severity.MILD, Severity.MODERATE, Severity.SEVERE));

    public static final int MIN_ITEM = 0;
    public static final int MAX_ITEM = 3;
    /** PHQ-9 item 9 asks about thoughts of being better off dead or of hurting oneself; 1 or more is a risk indication. */
    public static final int PHQ9_SELF_HARM_ITEM = 9;

    private final int itemCount;
    private final String loincTotalScore;
    private final int[] bandLowerBounds;
    private final List<Severity> bands;

    Instrument(int itemCount, String loincTotalScore, int[] bandLowerBounds, List<Severity> bands) {
        this.itemCount = itemCount;
        this.loincTotalScore = loincTotalScore;
        this.bandLowerBounds = bandLowerBounds;
        this.bands = bands;
    }

    public int itemCount() {
        return itemCount;
    }

    public int maxTotal() {
        return itemCount * MAX_ITEM;
    }

    public String loincTotalScore() {
        return loincTotalScore;
    }

    /** Why these items are not a valid completion of this questionnaire, or null when they are. */
    public String invalidItems(List<Integer> items) {
        if (items == null) {
            return "%s needs %d item scores".formatted(name(), itemCount);
        }
        if (items.size() != itemCount) {
            return "%s has %d items, %d given".formatted(name(), itemCount, items.size());
        }
        for (int i = 0; i < items.size(); i++) {
            Integer item = items.get(i);
            if (item == null || item < MIN_ITEM || item > MAX_ITEM) {
                return "item %d is %s; each item scores %d to %d".formatted(i + 1, item, MIN_ITEM, MAX_ITEM);
            }
        }
        return null;
    }

    /** The PHQ-9's item 9 score; 0 for any other instrument. */
    public int selfHarmItem(List<Integer> items) {
        return this == PHQ9 ? items.get(PHQ9_SELF_HARM_ITEM - 1) : 0;
    }

    public int total(List<Integer> items) {
        String invalid = invalidItems(items);
        if (invalid != null) {
            throw new IllegalArgumentException(invalid);
        }
        return items.stream().mapToInt(Integer::intValue).sum();
    }

    public Severity severity(int total) {
        if (total < 0 || total > maxTotal()) {
            throw new IllegalArgumentException("%s total %d outside 0-%d".formatted(name(), total, maxTotal()));
        }
        int band = 0;
        while (band < bandLowerBounds.length && total >= bandLowerBounds[band]) {
            band++;
        }
        return bands.get(band);
    }
}
