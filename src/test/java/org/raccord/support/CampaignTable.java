package org.raccord.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The reliability campaign's table in {@code docs/reliability.md}: each case measured replaces its
 * own row (by case name) between the page's {@code campaign:begin} and {@code campaign:end} markers,
 * so that one run of the campaign leaves the page holding its figures. Written only when
 * {@code raccord.reliability.record} is true (the {@code reliability} profile); otherwise the row is
 * printed, so that the test command's fast subset never changes the page.
 */
public final class CampaignTable {

    static final String BEGIN = "<!-- campaign:begin -->";
    static final String END = "<!-- campaign:end -->";
    private static final Path PAGE = Path.of("docs/reliability.md");

    /** One measured case; {@code met} says whether its figure holds its target. */
    public record Row(String name, String done, String measured, String figure, String target, boolean met) {

        String markdown() {
            return "| " + String.join(" | ", cell(name), cell(done), cell(measured), cell(figure), cell(target),
                    met ? "yes" : "**no**", LocalDate.now().toString()) + " |";
        }

        private static String cell(String text) {
            return text.replace("|", "\\|").replace("\n", " ");
        }
    }

    private CampaignTable() {
    }

    public static boolean recording() {
        return Boolean.getBoolean("raccord.reliability.record");
    }

    public static synchronized void record(Row row) {
        System.out.println("reliability: " + row.markdown());
        if (!recording()) {
            return;
        }
        try {
            Files.writeString(PAGE, upsert(Files.readString(PAGE, StandardCharsets.UTF_8), row), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The page with {@code row} in place of the row of the same case, or added at the table's end. */
    static String upsert(String page, Row row) {
        int begin = page.indexOf(BEGIN);
        int end = page.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalStateException("docs/reliability.md has no " + BEGIN + " … " + END + " section");
        }
        List<String> lines = new ArrayList<>(page.substring(begin + BEGIN.length(), end).strip().lines().toList());
        String key = "| " + Row.cell(row.name()) + " |";
        int at = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(key)) {
                at = i;
            }
        }
        if (at >= 0) {
            lines.set(at, row.markdown());
        } else {
            lines.add(row.markdown());
        }
        return page.substring(0, begin + BEGIN.length()) + "\n" + String.join("\n", lines) + "\n" + page.substring(end);
    }
}
