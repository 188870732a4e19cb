package org.raccord.web;

import java.util.Locale;

import jakarta.ws.rs.core.HttpHeaders;

/** French unless the client prefers English (Accept-Language, in its order of preference). */
public final class Languages {

    private Languages() {
    }

    public static boolean prefersEnglish(HttpHeaders headers) {
        for (Locale locale : headers.getAcceptableLanguages()) {
            String language = locale.getLanguage();
            if ("fr".equals(language)) {
                return false;
            }
            if ("en".equals(language)) {
                return true;
            }
        }
        return false;
    }
}
