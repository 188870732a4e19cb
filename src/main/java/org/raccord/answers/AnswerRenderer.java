package org.raccord.answers;

import org.raccord.tracking.LineRecords;

/**
 * Writes a line's answer as clients read it. The shape of the answer belongs to the customer API,
 * which provides this; the read model only stores what it is given, so it never imports the API.
 */
public interface AnswerRenderer {

    /** One line's answer as JSON, in each language the lookup serves. */
    record Answer(String french, String english) {
    }

    Answer render(LineRecords records);
}
