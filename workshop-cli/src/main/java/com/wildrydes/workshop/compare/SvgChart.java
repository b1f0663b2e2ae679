package com.wildrydes.workshop.compare;

import java.util.List;
import java.util.Locale;

/**
 * compare.svg: p50, p95 and p99 per stage as grouped bars on one linear axis from 0, with the axis
 * labelled in milliseconds, so a bar's height is proportional to its latency.
 */
final class SvgChart {

    static final int WIDTH = 640;
    static final int HEIGHT = 400;
    static final int LEFT = 70;
    static final int RIGHT = 20;
    static final int TOP = 40;
    static final int BOTTOM = 60;
    static final String[] SERIES = {"p50", "p95", "p99"};
    static final String[] COLOURS = {"#2b6cb0", "#dd8a2b", "#c53030"};

    private SvgChart() {
    }

    /** One group of bars: a stage and its three percentiles in milliseconds. */
    record Group(String label, double p50, double p95, double p99) {
        double[] values() {
            return new double[] {p50, p95, p99};
        }
    }

    static List<Group> groups(CompareResult result) {
        return result.stages().stream().filter(StageMeasurement::succeeded)
                .map(s -> new Group(s.stage(), s.warm().p50(), s.warm().p95(), s.warm().p99())).toList();
    }

    static String render(List<Group> groups) {
        double max = groups.stream().flatMapToDouble(g -> java.util.Arrays.stream(g.values())).max().orElse(1);
        double axisMax = niceCeiling(max);
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                + "font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, HEIGHT, WIDTH, HEIGHT));
        svg.append("  <title>Rider-facing latency per stage (warm): p50, p95, p99</title>\n");
        svg.append(String.format(Locale.ROOT, "  <text x=\"%d\" y=\"20\" font-size=\"14\">Rider-facing latency per stage (warm)</text>%n", LEFT));
        for (int tick = 0; tick <= 5; tick++) {
            double value = axisMax * tick / 5;
            double y = TOP + plotHeight - plotHeight * tick / 5.0;
            svg.append(String.format(Locale.ROOT, "  <line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>%n",
                    LEFT, y, WIDTH - RIGHT, y));
            svg.append(String.format(Locale.ROOT, "  <text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n", LEFT - 6, y + 4,
                    trim(value)));
        }
        svg.append(String.format(Locale.ROOT, "  <line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#000\"/>%n", LEFT, TOP, LEFT, TOP + plotHeight));
        svg.append(String.format(Locale.ROOT, "  <line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#000\"/>%n", LEFT, TOP + plotHeight,
                WIDTH - RIGHT, TOP + plotHeight));
        svg.append(String.format(Locale.ROOT, "  <text transform=\"translate(16 %d) rotate(-90)\" text-anchor=\"middle\">latency (ms)</text>%n",
                TOP + plotHeight / 2));
        svg.append(String.format(Locale.ROOT, "  <text x=\"%d\" y=\"%d\" text-anchor=\"middle\">stage</text>%n", LEFT + plotWidth / 2,
                HEIGHT - 10));
        double groupWidth = groups.isEmpty() ? plotWidth : (double) plotWidth / groups.size();
        double barWidth = groupWidth * 0.7 / SERIES.length;
        for (int g = 0; g < groups.size(); g++) {
            Group group = groups.get(g);
            double groupLeft = LEFT + g * groupWidth + groupWidth * 0.15;
            double[] values = group.values();
            for (int s = 0; s < SERIES.length; s++) {
                double height = Double.isNaN(values[s]) ? 0 : plotHeight * values[s] / axisMax;
                double x = groupLeft + s * barWidth;
                double y = TOP + plotHeight - height;
                svg.append(String.format(Locale.ROOT, "  <rect class=\"bar\" data-stage=\"%s\" data-series=\"%s\" data-ms=\"%.3f\" "
                        + "x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.3f\" fill=\"%s\"><title>%s %s: %.1f ms</title></rect>%n",
                        escape(group.label()), SERIES[s], values[s], x, y, barWidth - 2, height, COLOURS[s], escape(group.label()),
                        SERIES[s], values[s]));
            }
            svg.append(String.format(Locale.ROOT, "  <text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                    LEFT + g * groupWidth + groupWidth / 2, TOP + plotHeight + 18, escape(group.label())));
        }
        for (int s = 0; s < SERIES.length; s++) {
            int x = WIDTH - RIGHT - 170 + s * 56;
            svg.append(String.format(Locale.ROOT, "  <rect x=\"%d\" y=\"12\" width=\"10\" height=\"10\" fill=\"%s\"/>"
                    + "<text x=\"%d\" y=\"21\">%s</text>%n", x, COLOURS[s], x + 14, SERIES[s]));
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    /** The axis top: 1, 2 or 5 times a power of ten, at or above the largest bar. */
    static double niceCeiling(double max) {
        if (!(max > 0)) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(max)));
        for (double step : new double[] {1, 2, 5, 10}) {
            if (step * magnitude >= max) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
