/**
 * The use cases every boundary shares on a line: read what someone typed as a reference and find
 * the line ({@link org.raccord.lines.LineFinder}, one lookup order), register a line and ask the
 * owner now ({@link org.raccord.lines.LineRegistrar}), and the values they exchange. No HTTP here:
 * refused input is an {@code InvalidRequest} naming its field, which each boundary answers in its
 * own way. May import {@code tracking}, {@code polling} (registration asks the owner) and
 * {@code web}'s {@code InvalidRequest}; the customer API and operations import it.
 */
package org.raccord.lines;
