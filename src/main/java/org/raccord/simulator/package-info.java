/**
 * The built-in wholesale network owner: serves the owner's two SOAP contracts (generated from the
 * same WSDLs as the client) over a population of lines whose orders and cutovers unfold on a
 * simulated clock. It is the upstream of local runs, integration tests and benchmarks, and is off
 * in production.
 *
 * <p>It stands on the other side of the wire, so it implements the generated service interfaces;
 * no product package other than {@code wholesale} ever touches the generated classes. It imports
 * only those generated classes and the shared {@code web} helpers.
 *
 * <p>Nothing here is materialised per event: a line's whole life is a pure function of the seed and
 * its index ({@link org.raccord.simulator.LineScript}), and only compact logs of what has been
 * published are kept, so a million lines fit in a small heap.
 */
package org.raccord.simulator;
