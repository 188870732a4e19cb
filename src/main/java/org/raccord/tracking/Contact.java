package org.raccord.tracking;

/** Who gets a line's SMS: a mobile number in E.164 and a language, "fr" (default) or "en". */
public record Contact(String mobileE164, String language) {

    public Contact {
        if (mobileE164 == null || !mobileE164.startsWith("+")) {
            throw new IllegalArgumentException("a contact's mobile is stored in E.164");
        }
        language = "en".equals(language) ? "en" : "fr";
    }
}
