#!/usr/bin/env bash
# Consent-gate benchmark on the real server: 100,000 grants stored (H2 file database), a plan of
# 5 characters x 3 languages. Prints p50/p95/p99 and writes ear/target/benchmarks/gate.txt.
#   bench/gate.sh             (add -Ppostgresql under bin/with-postgresql to measure PostgreSQL)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q install -DskipTests
mvn -B -q -pl ear verify -Pbenchmark -DskipUTs=true -Dit.test=GateBenchmark "$@"
cat ear/target/benchmarks/gate.txt
