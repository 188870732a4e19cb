/**
 * Web helpers every HTTP boundary shares: RFC 9457 problem documents and the exception mappers and
 * error page that produce them, the roles and API scopes, the binding that marks an operator's
 * action (guarded and audited by operations), paging and language negotiation, the
 * OpenAPI vocabulary. Imports {@code tracking} only (to mask phone numbers in what it logs), so
 * that the customer API, the hook, operations and the simulator speak HTTP without importing one
 * another's boundary.
 */
package org.raccord.web;
