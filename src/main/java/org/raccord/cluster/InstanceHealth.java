package org.raccord.cluster;

/**
 * This instance's health in one line, as the cluster's list of instances shows it: {@code UP}, or
 * {@code DOWN:} and the failing checks' names. Operations ({@code admin}) provides it; the lease's
 * beat writes it with the instance's heartbeat, so that every console shows every instance's.
 */
public interface InstanceHealth {

    String summary();
}
