package org.raccord.admin;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.ws.rs.NameBinding;

/**
 * Marks an admin endpoint that changes something: {@link OperatorActionGuard} demands the CSRF
 * token and records the action, under this name, in the audit trail.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface OperatorAction {

    /** The action's name in the audit trail, e.g. "refresh line". */
    String value() default "";
}
