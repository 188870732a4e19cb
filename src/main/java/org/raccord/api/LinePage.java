package org.raccord.api;

import java.util.List;

import org.raccord.lines.LineSummary;

/** One page of a line list, with the total matching lines. */
public record LinePage(List<LineSummary> items, int offset, int limit, long total) {
}
