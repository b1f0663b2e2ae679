package com.wildrydes.systemtests.bench;

import java.util.Locale;

/** Figures as the report prints them: about three significant digits, four decimals for tiny values. */
final class Numbers {

    private Numbers() {
    }

    static String format(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        double magnitude = Math.abs(value);
        String pattern = magnitude == 0 || magnitude >= 1000 ? "%.0f" : magnitude >= 10 ? "%.1f" : magnitude >= 0.1 ? "%.2f" : "%.4f";
        return String.format(Locale.ROOT, pattern, value);
    }
}
