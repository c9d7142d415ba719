#!/usr/bin/env bash
# Job-status benchmark on the real server: 10 jobs of 300 cues x 2 languages at once, unwatched and
# then each followed by 3 SSE clients while 8 readers poll GET /jobs/{id}; the reads' percentiles,
# the wall-time ratio, and the server's CPU with 30 SSE clients waiting on an idle server.
# Writes ear/target/benchmarks/status.txt.
#   bench/status.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bin/setup-system
mvn -B -q install -DskipTests
rm -rf ear/target/bench-server   # a fresh database and content store for every run
mvn -B -q -pl ear verify -Pbenchmark -DskipUTs=true -Dit.test=StatusBenchmark "$@"
cat ear/target/benchmarks/status.txt
