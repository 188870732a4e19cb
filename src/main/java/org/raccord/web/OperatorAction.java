package org.raccord.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.ws.rs.NameBinding;

/**
 * Marks an operator's endpoint that changes something (the console's, the simulator's): the admin
 * boundary's guard ({@code admin.OperatorActionGuard}) demands the CSRF token and records the
 * action, under this name, in the audit trail. Here, with the shared HTTP helpers, so that every
 * boundary can mark its actions without importing operations.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface OperatorAction {

    /** The action's name in the audit trail, e.g. "refresh line". */
    String value() default "";
}
