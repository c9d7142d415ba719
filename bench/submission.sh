#!/usr/bin/env bash
# Job submission benchmark on the real server: POST /jobs of 5,000 cues in one language and of 2 x 2,000
# cues (a feature), median of 7 with the task queue paused, against media-tools script reading the same
# 5,000 cues, as a ratio. Writes ear/target/benchmarks/submission.txt.
#   bench/submission.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bin/setup-system
mvn -B -q install -DskipTests
rm -rf ear/target/bench-server   # a fresh database and content store for every run
mvn -B -q -pl ear verify -Pbenchmark -DskipUTs=true -Dit.test=SubmissionBenchmark "$@"
cat ear/target/benchmarks/submission.txt
