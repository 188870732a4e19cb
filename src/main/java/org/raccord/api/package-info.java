/**
 * The REST boundary for customer channels: thin JAX-RS resources over {@code tracking} (reads)
 * and {@code polling} (registration), with every error as RFC 9457 {@code application/problem+json}.
 */
package org.raccord.api;
