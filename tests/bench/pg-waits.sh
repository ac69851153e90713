#!/bin/sh
# Samples what PostgreSQL's active client backends wait on, every 10 ms, until sent SIGTERM (or for
# SECONDS seconds), then prints the share of samples per wait event (issue 23: the serialization
# of commits seen during bench_queue).
#   tests/bench/pg-waits.sh URL [SECONDS] > waits.txt &  …run the bench…  ; kill -TERM %1
# "-" is a backend on the CPU (no wait event). Lock/object and Lock/transactionid are waits on
# another transaction; LWLock/WALWrite and IO/WALSync the flush.
set -eu
url=$1
seconds=${2:-600}
out=$(mktemp)
pid=
trap '[ -n "$pid" ] && kill $pid 2>/dev/null; summary; rm -f "$out"; exit 0' INT TERM
summary() {
    awk -F'|' 'NF >= 2 { n[$1 "/" $2] += $3; total += $3; samples[$4] = 1 }
        END { s = 0; for (k in samples) s++;
              printf "%d samples, %.2f active backends per sample\n", s, (s ? total / s : 0);
              for (k in n) printf "%6.1f %%  %s\n", 100 * n[k] / total, k | "sort -rn" }' "$out"
}
psql "$url" -Atq -v ON_ERROR_STOP=1 >"$out" 2>/dev/null <<SQL &
SELECT coalesce(wait_event_type, '-'), coalesce(wait_event, '-'), count(*), clock_timestamp()
  FROM pg_stat_activity
 WHERE backend_type = 'client backend' AND state = 'active' AND pid <> pg_backend_pid()
 GROUP BY 1, 2 \watch 0.01
SQL
pid=$!
sleep "$seconds" &
wait $! || true
kill $pid 2>/dev/null || true
summary
rm -f "$out"
