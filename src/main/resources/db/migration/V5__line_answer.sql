-- The API's read model: each line's answer rendered as JSON (French and English) with the line
-- version it was rendered from; an answer older than its line is never served.
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL.

CREATE TABLE line_answer (
    line_id      BIGINT         NOT NULL PRIMARY KEY,
    line_version BIGINT         NOT NULL,
    body_fr      VARCHAR(1000000) NOT NULL,
    body_en      VARCHAR(1000000) NOT NULL,
    rendered_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
