/**
 * Operations' boundary: what the polling engine and the owner's interfaces are doing, for the
 * admin role only.
 */
package org.raccord.admin;
