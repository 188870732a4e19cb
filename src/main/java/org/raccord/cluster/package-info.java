/**
 * Several instances on one database: which instance leads (the singleton work: reading the feeds,
 * turning the outbox into deliveries, announcing cuts, purging) and which instances there are.
 * Built on PostgreSQL's session advisory lock, held on a connection of its own; on the embedded
 * database there is one instance, and it leads. Imports nothing of Raccord; the loops ask it,
 * operations ({@code admin}) shows it.
 */
package org.raccord.cluster;
