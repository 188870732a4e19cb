package org.raccord.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The scopes an API client's bearer token must carry (any one of them) to call this resource.
 * Checked by {@link ApiClientGate} rather than {@code @RolesAllowed}: with {@code @RolesAllowed} the
 * container answers a missing token itself with a Basic challenge and an empty body.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ClientScopes {

    String[] value();
}
