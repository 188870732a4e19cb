-- The console's audit trail: who did what, when, to which target, and how it ended (HTTP status).
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL.

CREATE SEQUENCE operator_action_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE operator_action (
    id      BIGINT        NOT NULL PRIMARY KEY,
    at      TIMESTAMP WITH TIME ZONE NOT NULL,
    actor   VARCHAR(100)  NOT NULL,
    action  VARCHAR(60)   NOT NULL,
    target  VARCHAR(200),
    outcome INTEGER       NOT NULL
);
CREATE INDEX ix_operator_action_at ON operator_action (at);
