package org.raccord.web;

/** The roles Raccord checks; deployments map them to their users or groups. */
public final class Roles {

    /** Customer channels reading line status. */
    public static final String READ = "api-read";
    /** Back-office tools registering lines for tracking. */
    public static final String REGISTER = "api-register";
    /** The SMS platform and other subscribers managing their notification subscriptions. */
    public static final String SUBSCRIBE = "api-subscribe";
    /** Operations. */
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
