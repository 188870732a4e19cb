-- Breach prevention: Raccord's request to the owner to move a line's cut to its new delivery.
-- One current record per line (the latest proposal or request, its state and the owner's answer),
-- and every step of every request, oldest first, for the line's answer and the console.
CREATE TABLE breach_prevention (
    line_id          BIGINT       NOT NULL PRIMARY KEY REFERENCES tracked_line (id),
    state            VARCHAR(16)  NOT NULL,
    request_id       VARCHAR(36)  NOT NULL,
    requested_cut    TIMESTAMP WITH TIME ZONE NOT NULL,
    previous_cut     TIMESTAMP WITH TIME ZONE,
    for_delivery     DATE         NOT NULL,
    owner_reference  VARCHAR(40),
    reason_code      VARCHAR(40),
    reason_label     VARCHAR(200),
    requests         INTEGER      NOT NULL,
    attempts         INTEGER      NOT NULL,
    proposed_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    version          BIGINT       NOT NULL
);
CREATE INDEX ix_breach_prevention_state ON breach_prevention (state);

CREATE TABLE breach_prevention_step (
    id               BIGINT       NOT NULL PRIMARY KEY,
    line_id          BIGINT       NOT NULL REFERENCES tracked_line (id),
    at               TIMESTAMP WITH TIME ZONE NOT NULL,
    state            VARCHAR(16)  NOT NULL,
    request_id       VARCHAR(36)  NOT NULL,
    requested_cut    TIMESTAMP WITH TIME ZONE NOT NULL,
    owner_reference  VARCHAR(40),
    reason_code      VARCHAR(40),
    reason_label     VARCHAR(200),
    actor            VARCHAR(100)
);
CREATE INDEX ix_breach_prevention_step_line ON breach_prevention_step (line_id, at);
