/**
 * The anti-corruption layer in front of the wholesale network owner: the only package that imports
 * the classes generated from {@code wsdl/}. It builds the CXF clients (timeouts, XML limits, no
 * redirects), turns every answer into Raccord's own records and every failure into a typed
 * {@link org.raccord.wholesale.WholesaleException}, and maps the owner's vocabulary (flows, states,
 * reason codes) to the normalized model in one place. May import {@code tracking} (the model it
 * translates into) and nothing else of Raccord.
 */
package org.raccord.wholesale;
