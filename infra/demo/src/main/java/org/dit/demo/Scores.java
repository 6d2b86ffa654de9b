package org.dit.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.dit.events.episode.Instrument;

/**
 * Invented PHQ-9 and GAD-7 scores for one client: a starting point, a course the scores tend towards, and noise
 * from week to week. Most clients improve, some hardly change, a few get worse.
 */
record Scores(int phq9Start, int gad7Start, int phq9End, int gad7End) {

    static Scores draw(Random random) {
        int phq9;
        int gad7;
        double start = random.nextDouble();
        if (start < 0.12) {
            phq9 = 3 + random.nextInt(7);
            gad7 = 2 + random.nextInt(6);
        } else if (start < 0.27) {
            // just over the caseness line: a modest change is recovery without being a reliable change
            phq9 = 10 + random.nextInt(4);
            gad7 = 8 + random.nextInt(3);
        } else {
            phq9 = clamp((int) Math.round(15.5 + 4 * random.nextGaussian()), 8, 26);
            gad7 = clamp((int) Math.round(12.5 + 3.5 * random.nextGaussian()), 4, 21);
            if (phq9 < 10 && gad7 < 8) {
                phq9 = 10 + random.nextInt(4);
            }
        }
        double course = random.nextDouble();
        int phq9End;
        int gad7End;
        if (course < 0.60) {
            phq9End = 2 + random.nextInt(7);
            gad7End = 1 + random.nextInt(6);
        } else if (course < 0.82) {
            phq9End = phq9 - 2 - random.nextInt(5);
            gad7End = gad7 - 1 - random.nextInt(4);
        } else if (course < 0.93) {
            phq9End = phq9 - 2 + random.nextInt(5);
            gad7End = gad7 - 1 + random.nextInt(3);
        } else {
            phq9End = phq9 + 6 + random.nextInt(4);
            gad7End = gad7 + 4 + random.nextInt(3);
        }
        return new Scores(phq9, gad7, clamp(phq9End, 0, 27), clamp(gad7End, 0, 21));
    }

    /** The total at a session: most of the change comes early in the course, and no week is quite like the last. */
    int phq9At(int session, int courseLength, Random random) {
        return at(phq9Start, phq9End, session, courseLength, 1.4, Instrument.PHQ9.maxTotal(), random);
    }

    int gad7At(int session, int courseLength, Random random) {
        return at(gad7Start, gad7End, session, courseLength, 1.1, Instrument.GAD7.maxTotal(), random);
    }

    private static int at(int start, int end, int session, int courseLength, double noise, int max, Random random) {
        double progress = Math.min(1.0, session / (0.75 * courseLength));
        double shaped = 1 - (1 - progress) * (1 - progress);
        return clamp((int) Math.round(start + (end - start) * shaped + noise * random.nextGaussian()), 0, max);
    }

    /**
     * Item scores (each 0-3) that add up to the total, spread at random over the items. A PHQ-9's item 9 (thoughts of
     * self-harm) stays 0 unless the total cannot be reached without it: the demo raises risk on purpose, not by chance.
     */
    static List<Integer> items(Instrument instrument, int total, Random random) {
        return items(instrument, total, 0, random);
    }

    /** A PHQ-9 of about this total whose item 9 scores {@code item9}: a risk indication when that is 1 or more. */
    static List<Integer> phq9WithItem9(int total, int item9, Random random) {
        return items(Instrument.PHQ9, total, item9, random);
    }

    private static List<Integer> items(Instrument instrument, int total, int item9, Random random) {
        int count = instrument.itemCount();
        int[] items = new int[count];
        int free = instrument == Instrument.PHQ9 ? count - 1 : count;
        int left = clamp(total, 0, instrument.maxTotal());
        if (free < count) {
            items[count - 1] = Math.max(item9, left - free * Instrument.MAX_ITEM);
            left = Math.max(0, left - items[count - 1]);
        }
        for (; left > 0; left--) {
            int i = random.nextInt(free);
            while (items[i] == Instrument.MAX_ITEM) {
                i = (i + 1) % free;
            }
            items[i]++;
        }
        List<Integer> list = new ArrayList<>(count);
        for (int item : items) {
            list.add(item);
        }
        return list;
    }

    static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }
}
