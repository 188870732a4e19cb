/**
 * Operations' boundary: the console at {@code /admin} and the admin endpoints it reads and acts
 * through (for the admin role, every action CSRF-guarded and audited), the MicroProfile Health
 * checks and their endpoints, and the meters exposed in Prometheus format at {@code /metrics}.
 * Sits above what it watches: may import any package but the simulator, the customer API and the
 * read model; it finds and registers lines through the use cases of {@code lines}.
 */
package org.raccord.admin;
