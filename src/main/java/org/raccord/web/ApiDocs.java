package org.raccord.web;

/** Names shared by the OpenAPI annotations, and the examples they show (real answers of the simulator). */
public final class ApiDocs {

    /** API clients: bearer JWT. */
    public static final String CLIENT = "apiClient";
    /** People (operations): the user registry. */
    public static final String PERSON = "person";

    /** The customer-letter line, as answered for it by the built-in simulator. */
    public static final String LETTER_LINE = """
            {"summary":"Commande CMD-00000001 : terminée : la ligne est en service. L'ancienne ligne a été coupée le jeudi 19 novembre. La nouvelle ligne a été livrée le lundi 30 novembre. Le client reste sans service 7 jours ouvrés (11 jours), plus que le jour ouvré autorisé par la loi.",
             "orderReference":"CMD-00000001","serviceReference":"VIA657942680","ndi":"0139421662","technology":"copper",
             "state":"completed","ownerState":"EN_SERVICE","orderedAt":"2026-11-17T11:12:06.503Z","requestedDate":"2026-11-24",
             "committedDeliveryDate":"2026-11-30",
             "deliveryDateRevisions":{"count":1,"history":[{"from":"2026-11-25","to":"2026-11-30","revisedAt":"2026-11-24T08:00:00Z",
               "reason":{"code":"FINT01","known":true,"label":"Point de mutualisation saturé",
                 "plainFr":"point de mutualisation saturé, plus de place pour raccorder la ligne",
                 "plainEn":"the street cabinet is full: there is no room to connect the line"}}]},
             "appointment":{"start":"2026-11-30T07:00:00Z","end":"2026-11-30T11:00:00Z"},
             "previousProvider":{"operator":"FREE","cutoverState":"DONE","plannedCutAt":"2026-11-19T07:00:00Z","cutAt":"2026-11-19T07:00:00Z","numberPorting":"PORTED"},
             "serviceGap":{"calendarDays":11,"workingDays":7,"breach":true,"allowedWorkingDays":1},
             "milestones":{"ORDER_ACKNOWLEDGED":{"at":"2026-11-17T11:32:06.503Z","sourceFeed":"ORDER","sourceSequence":394},
               "PREVIOUS_SERVICE_CUT":{"at":"2026-11-19T07:00:00Z","sourceFeed":"CUTOVER","sourceSequence":54},
               "LINE_DELIVERED":{"at":"2026-11-30T11:00:00Z","sourceFeed":"ORDER","sourceSequence":1213}},
             "jeopardy":[{"raisedAt":"2026-11-23T09:00:00Z","reason":{"code":"FINT01","known":true,"label":"Point de mutualisation saturé",
               "plainFr":"point de mutualisation saturé, plus de place pour raccorder la ligne",
               "plainEn":"the street cabinet is full: there is no room to connect the line"}}],
             "deliveredAt":"2026-11-30T11:00:00Z","inServiceAt":"2026-11-30T13:00:00Z",
             "freshness":{"confirmedAt":"2026-11-26T11:21:10Z","changedAt":"2026-11-26T11:21:10Z","orderSequence":1224,"cutoverSequence":175,"degraded":false}}
            """;

    public static final String UNKNOWN_LINE = """
            {"type":"/problems/unknown-line","title":"No tracked line has this reference","status":404,"detail":"No tracked line is known by this reference."}
            """;

    private ApiDocs() {
    }
}
