/**
 * The REST boundary for customer channels: thin JAX-RS resources over the use cases of
 * {@code lines} (find, register) and over {@code tracking} (timelines, search), with every error as
 * RFC 9457 {@code application/problem+json} (the helpers in {@code web}). It owns the shape of the
 * line answer ({@link org.raccord.api.LineView}) and hands the read model its renderer
 * ({@link org.raccord.api.LineAnswers}). May import {@code lines}, {@code answers}, {@code tracking},
 * {@code web} and {@code wholesale} (the owner's faults); nothing imports it.
 */
package org.raccord.api;
