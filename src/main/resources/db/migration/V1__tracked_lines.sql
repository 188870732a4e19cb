-- Lines Raccord tracks, with the owner's latest answer about their access order.
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL.
-- Ids come from a sequence handed out in blocks of 50 (identity columns need per-row round trips,
-- and EclipseLink's identity query does not exist in H2 2.x).
-- EclipseLink reads a value as the end of its block, hence START WITH the block size.
CREATE SEQUENCE tracked_line_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE tracked_line (
    id                      BIGINT       NOT NULL PRIMARY KEY,
    order_reference         VARCHAR(30)  NOT NULL,
    service_reference       VARCHAR(30),
    pto_reference           VARCHAR(16),
    ndi                     VARCHAR(10),
    fibre                   BOOLEAN      NOT NULL,
    owner_state             VARCHAR(24),
    state                   VARCHAR(16)  NOT NULL,
    ordered_at              TIMESTAMP WITH TIME ZONE,
    requested_date          DATE,
    committed_delivery_date DATE,
    appointment_start       TIMESTAMP WITH TIME ZONE,
    appointment_end         TIMESTAMP WITH TIME ZONE,
    delivered_at            TIMESTAMP WITH TIME ZONE,
    in_service_at           TIMESTAMP WITH TIME ZONE,
    last_reason_code        VARCHAR(16),
    last_reason_label       VARCHAR(200),
    upstream_sequence       BIGINT       NOT NULL,
    confirmed_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    changed_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    registered_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    version                 BIGINT       NOT NULL,
    CONSTRAINT uq_tracked_line_order UNIQUE (order_reference)
);

CREATE INDEX ix_tracked_line_service ON tracked_line (service_reference);
CREATE INDEX ix_tracked_line_pto ON tracked_line (pto_reference);
CREATE INDEX ix_tracked_line_ndi ON tracked_line (ndi);
