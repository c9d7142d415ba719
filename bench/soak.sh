#!/usr/bin/env bash
# Memory soak on the real server: small jobs one after another for 5 minutes (-Ddubgate.bench.soak-minutes=N),
# each submitted, followed over its event stream and its deliverables downloaded; the after-GC heap each
# minute, the RSS, and the classes whose live bytes grew most. Writes ear/target/benchmarks/soak.txt.
#   bench/soak.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bin/setup-system
mvn -B -q install -DskipTests
rm -rf ear/target/bench-server   # a fresh database and content store for every run
mvn -B -q -pl ear verify -Pbenchmark -DskipUTs=true -Dit.test=SoakBenchmark "$@"
cat ear/target/benchmarks/soak.txt
