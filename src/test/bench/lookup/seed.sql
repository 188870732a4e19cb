-- Benchmark lines, written straight into the schema Flyway made (run with the server stopped):
-- @LINES lines BEN-00000001..., numbers +3320000001..., each with one delivery-date revision, three
-- milestones, a cutover and a service gap, and one jeopardy alert on every tenth line; ids far above
-- the sequences' range. Set @LINES before running, e.g. SET @LINES = 1000000;
-- run.sh turns it into PostgreSQL's SQL (generate_series for SYSTEM_RANGE) when RACCORD_DB_KIND=postgresql.
INSERT INTO tracked_line (id, order_reference, service_reference, ndi, phone_e164, fibre, owner_state, state,
        ordered_at, requested_date, committed_delivery_date, appointment_start, appointment_end,
        last_reason_code, last_reason_label, upstream_sequence, confirmed_at, changed_at, registered_at, version,
        losing_operator, cutover_state, cutover_planned_at, cutover_done_at, porting_state, cutover_sequence,
        gap_calendar_days, gap_working_days, gap_breach, next_check_at)
SELECT 100000000 + x, 'BEN-' || LPAD(CAST(x AS VARCHAR), 8, '0'), 'VIA9' || LPAD(CAST(x AS VARCHAR), 8, '0'),
       '02' || LPAD(CAST(x AS VARCHAR), 8, '0'), '+332' || LPAD(CAST(x AS VARCHAR), 8, '0'), MOD(x, 3) > 0, 'PLANIFIEE',
       'IN_PROGRESS', TIMESTAMP WITH TIME ZONE '2026-11-02 09:00:00+01', DATE '2026-11-20', DATE '2026-11-27',
       TIMESTAMP WITH TIME ZONE '2026-11-27 08:00:00+01', TIMESTAMP WITH TIME ZONE '2026-11-27 12:00:00+01',
       'FINT01', 'Point de mutualisation saturé', x, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1,
       'FREE', 'DONE', TIMESTAMP WITH TIME ZONE '2026-11-18 08:00:00+01', TIMESTAMP WITH TIME ZONE '2026-11-18 08:00:00+01',
       'PORTED', x, 9, 7, TRUE, TIMESTAMP WITH TIME ZONE '2027-01-01 00:00:00+01'
FROM SYSTEM_RANGE(1, @LINES);

INSERT INTO delivery_revision (id, line_id, from_date, to_date, revised_at, reason_code, reason_label, reason_known, source_sequence)
SELECT 100000000 + x, 100000000 + x, DATE '2026-11-20', DATE '2026-11-27', TIMESTAMP WITH TIME ZONE '2026-11-16 09:00:00+01',
       'FINT01', 'Point de mutualisation saturé', TRUE, x
FROM SYSTEM_RANGE(1, @LINES);

INSERT INTO line_milestone (id, line_id, milestone, reached_at, source_feed, source_sequence)
SELECT 100000000 + x * 3 + m, 100000000 + x,
       CASE m WHEN 0 THEN 'ORDER_ACKNOWLEDGED' WHEN 1 THEN 'ORDER_ACCEPTED' ELSE 'PREVIOUS_SERVICE_CUT' END,
       TIMESTAMP WITH TIME ZONE '2026-11-03 09:00:00+01' + m * INTERVAL '1' DAY, CASE m WHEN 2 THEN 'CUTOVER' ELSE 'ORDER' END, x
FROM SYSTEM_RANGE(1, @LINES), SYSTEM_RANGE(0, 2) AS ms(m);

INSERT INTO jeopardy_alert (id, line_id, raised_at, reason_code, reason_label, reason_known, source_sequence)
SELECT 100000000 + x, 100000000 + x, TIMESTAMP WITH TIME ZONE '2026-11-15 09:00:00+01', 'FINT01',
       'Point de mutualisation saturé', TRUE, x
FROM SYSTEM_RANGE(1, @LINES) WHERE MOD(x, 10) = 0;
