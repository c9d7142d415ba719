#!/usr/bin/env bash
# Several-nodes benchmark ("Growing past one machine", NodesBenchmark): one cluster on this machine, started
# through the project's scripts — one Artemis broker (bin/broker), s3proxy, a throwaway PostgreSQL
# (bin/with-postgresql) and dubgate nodes (bin/node, one worker each) — and in one run:
#   (a) one job of 600 cues x 3 languages (es, fr: espeak-ng; en: flite) on node-1 alone and on node-1 + node-2;
#   (b) ten jobs of 20 cues x 2 languages submitted at once, the same two ways;
#   both nodes run throughout: for "one node", node-2 stands by with its worker's delivery stopped (jboss-cli
#   stop-delivery), so both configurations share the same warm JVMs; warm-up rounds with both nodes at work come
#   first, then the timed pairs by turns (1-2, 2-1, 1-2, ...), each job followed to its end over its progress stream;
#   (c) with the cluster stopped, pgbench on the same PostgreSQL: ledger appends/s (the head row locked FOR
#       UPDATE, an entry inserted, the head updated) and a job row locked and updated, at 1, 2, 4 and 8
#       clients, one- and two-phase, on scratch tables (dropped after); and the disk's fdatasync rate.
# Reports the times, the ratios t(1 node) / t(2 nodes), which node ran how many tasks, and the transactions/s.
# Writes ear/target/benchmarks/nodes.txt.
#
#   bench/nodes.sh                               5 pairs of each kind, medians and the median of the pairs' ratios
#   bench/nodes.sh -Ddubgate.bench.repeats=3     3 pairs (about 8 minutes less); other arguments go to Maven too, e.g.
#                                                -Ddubgate.bench.pgbench-seconds=10, -Ddubgate.bench.fsync-test=false,
#                                                -Ddubgate.bench.warm-up-rounds=4 (the most; fewer once the nodes'
#                                                compilers take under -Ddubgate.bench.warm-jit-share=0.05 of their CPU)
#   bench/nodes.sh -Ddubgate.bench.jfr=true      also a Flight Recorder file of each node over each timed batch, in
#                                                ear/target/nodes-benchmark/recordings (JFR costs CPU: not for figures)
#   bench/nodes.sh --help                        this text
#
# CHECK runs without the English recognizer (DUBGATE_QA_RECOGNIZE_ENGLISH=false, which the nodes inherit through
# MicroProfile Config's environment source): 600 English lines at 0.2-0.45 s each would be one serial CHECK task
# of minutes, and the job would measure the recognizer instead of synthesis. Set DUBGATE_QA_RECOGNIZE_ENGLISH=true
# to measure with it. Run on an otherwise idle machine: the figures are wall times, and every process of the
# cluster shares its cores, and so does anything else: a jstat every 5 s beside run 18 made 10-15 % of the
# machine's CPU ("other" in the report; 3-4 % without). About 40 minutes on 2 cores. Needs PostgreSQL's server binaries and pgbench
# (bin/setup-system --test).
set -euo pipefail
cd "$(dirname "$0")/.."

case "${1:-}" in
  --help|-h) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
esac

bin/setup-system
for tool in pgbench psql; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is needed (bin/setup-system --test)" >&2; exit 1; }
done
mvn -B -q install -DskipTests -Ppostgresql

export DUBGATE_QA_RECOGNIZE_ENGLISH=${DUBGATE_QA_RECOGNIZE_ENGLISH:-false}
# nodes-benchmark after the other two: it gives the test what Cluster reads, and verifies only its own summary;
# the DUBGATE_DB_* are with-postgresql's, expanded by the inner bash
# shellcheck disable=SC2016
bin/with-postgresql bash -c 'mvn -B -q -pl ear verify -Pbenchmark,postgresql,nodes-benchmark -DskipUTs=true \
  -Dit.test=NodesBenchmark -Ddubgate.db.url="$DUBGATE_DB_URL" -Ddubgate.db.user="$DUBGATE_DB_USER" \
  -Ddubgate.db.password="$DUBGATE_DB_PASSWORD" "$@"' nodes "$@"
cat ear/target/benchmarks/nodes.txt
