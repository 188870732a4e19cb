/**
 * The REST boundary for customer channels: thin JAX-RS resources over {@code tracking} (reads)
 * and {@code polling} (registration), with every error as RFC 9457 {@code application/problem+json}
 * (the helpers in {@code web});
 * and the lookup's read model, each line's answer rendered after every change and kept in an LMDB
 * store beside the database ({@link org.raccord.api.StoredAnswers}). May import {@code tracking},
 * {@code web}, {@code wholesale} (the owner's faults) and {@code polling} (registration asks the owner).
 */
package org.raccord.api;
