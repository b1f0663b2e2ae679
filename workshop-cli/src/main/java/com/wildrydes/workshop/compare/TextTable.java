package com.wildrydes.workshop.compare;

import java.util.ArrayList;
import java.util.List;

/** Renders rows of cells as aligned plain text (terminal) or as a Markdown pipe table. */
final class TextTable {

    private TextTable() {
    }

    static String plain(List<String> header, List<List<String>> rows) {
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        int[] widths = new int[header.size()];
        for (List<String> row : all) {
            for (int i = 0; i < row.size() && i < widths.length; i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> row : all) {
            for (int i = 0; i < row.size() && i < widths.length; i++) {
                String cell = row.get(i);
                // the first column reads left to right; figures line up on the right
                out.append(i == 0 ? pad(cell, widths[i], false) : "  " + pad(cell, widths[i], true));
            }
            out.append(System.lineSeparator());
        }
        return out.toString();
    }

    static String markdown(List<String> header, List<List<String>> rows) {
        StringBuilder out = new StringBuilder();
        out.append("| ").append(String.join(" | ", header.stream().map(TextTable::escape).toList())).append(" |\n");
        out.append("|").append(String.join("|", header.stream().map(h -> h == header.getFirst() ? "---" : "---:").toList())).append("|\n");
        for (List<String> row : rows) {
            out.append("| ").append(String.join(" | ", row.stream().map(TextTable::escape).toList())).append(" |\n");
        }
        return out.toString();
    }

    private static String escape(String cell) {
        return cell.replace("|", "\\|");
    }

    private static String pad(String cell, int width, boolean right) {
        String spaces = " ".repeat(Math.max(0, width - cell.length()));
        return right ? spaces + cell : cell + spaces;
    }
}
