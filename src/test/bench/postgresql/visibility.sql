-- Visibility latency on PostgreSQL (docs/benchmarks.md): for every event that became due at the
-- simulated owner after start-up, from the moment it was due (in real time) to the moment Raccord
-- stored it, which is when the API shows it. Run with the simulator's anchor
-- (target/liberty/wlp/usr/servers/raccord/simulator/timeline.properties, backslashes removed):
--   psql -v real=2026-12-04T16:39:08Z -v sim=2026-12-04T16:39:08Z -v acc=60 -f visibility.sql
-- The first minute is left out: the server was still starting.
WITH e AS (
  SELECT extract(epoch FROM recorded_at - (timestamptz :'real' + (occurred_at - timestamptz :'sim') / :acc)) AS lag
  FROM line_event
  WHERE occurred_at > timestamptz :'sim' AND recorded_at > timestamptz :'real' + interval '60 seconds')
SELECT count(*) AS events,
       round(percentile_cont(0.5) WITHIN GROUP (ORDER BY lag)::numeric, 2) AS p50_s,
       round(percentile_cont(0.99) WITHIN GROUP (ORDER BY lag)::numeric, 2) AS p99_s,
       round(max(lag)::numeric, 2) AS max_s
FROM e;
