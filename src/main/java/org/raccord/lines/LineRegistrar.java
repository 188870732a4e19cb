package org.raccord.lines;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.raccord.polling.LineRefresh;
import org.raccord.tracking.Contact;
import org.raccord.tracking.PhoneNumbers;
import org.raccord.tracking.TrackedLine;
import org.raccord.tracking.TrackedLines;
import org.raccord.web.InvalidRequest;

/**
 * Registers a line for tracking, for API clients and operations alike: normalizes the numbers
 * (a bad one is an {@link InvalidRequest} naming its field), asks the owner now and stores the
 * answer. Registering a tracked order again refreshes it.
 */
@ApplicationScoped
public class LineRegistrar {

    @Inject
    TrackedLines lines;

    @Inject
    LineRefresh refresh;

    /** The line as now stored, and whether it was tracked before this registration. */
    public record Registered(TrackedLine line, boolean known) {
    }

    public Registered register(Registration registration) {
        String phone = null;
        if (registration.phoneNumber() != null) {
            try {
                phone = PhoneNumbers.e164(registration.phoneNumber());
            } catch (IllegalArgumentException invalid) {
                throw new InvalidRequest("phoneNumber", invalid.getMessage());
            }
        }
        Contact contact = null;
        if (registration.contact() != null) {
            try {
                contact = new Contact(PhoneNumbers.mobileE164(registration.contact().mobile()), registration.contact().language());
            } catch (IllegalArgumentException invalid) {
                throw new InvalidRequest("contact.mobile", invalid.getMessage());
            }
        }
        boolean known = lines.byOrderReference(registration.orderReference()).isPresent();
        return new Registered(refresh.refresh(registration.orderReference(), phone, contact), known);
    }
}
