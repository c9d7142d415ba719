#!/usr/bin/env bash
# Dubbing-pipeline benchmark: the real server against bench/cli-pipeline.sh, the same job done with the engine
# CLIs, ffmpeg and sox, alternating in one run (the first job after the server started, the script, then 3 x
# (server job, script)). A generated 10-minute source (FFmpeg test picture + espeak-ng speech), 150 cues in
# English (flite) and Spanish (espeak-ng). Reports the wall times and the ratios (medians), WildFly's peak RSS
# during each job, where the server's time went, whether the two made the same lines, stems and mixes, ASSEMBLE
# against `ffmpeg -c copy`, and the media stages' peak heap for 10 vs 60 minutes.
#
#   bench/pipeline.sh                 two configurations, one after the other, each on a fresh server:
#                                     1 worker vs the script at P = 1, then workers = nproc vs P = nproc
#   bench/pipeline.sh --workers N     one configuration: N workers vs P = N
#   bench/pipeline.sh --help          this text
# Other arguments go to Maven, e.g. -Ddubgate.bench.heap=false (skip the 10/60-minute heap runs, ~3 minutes).
#
# The server runs with -Ddubgate.qa.recognize-english=false: the script does no QA, so CHECK does not run the
# English recognizer (0.2-0.45 s a line); CHECK's audio QA stays in the server's time, and the report shows the
# ratio with the time CHECK ran alone left out beside it.
# Run it on an otherwise idle machine (the figures are wall times): no build or CI beside it. About 10 minutes
# for both configurations, ~6 GB of disk (the 60-minute source and its dub). Needs ffmpeg, bc, sox and GNU time
# (bin/setup-system --bench). Writes ear/target/benchmarks/pipeline-<workers>.txt per configuration, and
# pipeline.txt with all of them.
set -euo pipefail
cd "$(dirname "$0")/.."

configurations=(1)
(( $(nproc) > 1 )) && configurations+=("$(nproc)")
case "${1:-}" in
  --help|-h) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
  --workers)
    [[ ${2:-} =~ ^[1-9][0-9]*$ ]] || { echo "bench: --workers takes a number" >&2; exit 2; }
    configurations=("$2"); shift 2 ;;
esac

bin/setup-system --bench
for tool in ffmpeg soxi flite espeak-ng; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is needed (bin/setup-system --bench)" >&2; exit 1; }
done
media=ear/target/benchmarks/media
mkdir -p "$media"
if [[ ! -f $media/speech.wav ]]; then
  espeak-ng -v en -s 160 -w "$media/speech.wav" "Good evening. The harbour lights came on one by one as the \
fishing boats returned. Nobody on the quay noticed the stranger with the blue folder. He waited by the \
station until the last train had gone, then walked slowly towards the lighthouse, counting his steps."
fi
for source in 10min:600 60min:3600; do
  src=$media/source-${source%%:*}.mp4
  [[ -f $src ]] && continue
  echo "bench: generating $src"
  # test picture (H.264) and looped speech (AAC stereo 48 kHz), like a studio's review proxy
  ffmpeg -v error -y -f lavfi -i "testsrc2=size=640x360:rate=25" -stream_loop -1 -i "$media/speech.wav" \
    -t "${source##*:}" -map 0:v -map 1:a -c:v libx264 -preset ultrafast -crf 30 -g 50 \
    -c:a aac -b:a 96k -ac 2 -ar 48000 "$src.tmp.mp4"
  mv "$src.tmp.mp4" "$src"
done
mvn -B -q install -DskipTests

reports=()
first=true
for workers in "${configurations[@]}"; do
  report=$PWD/ear/target/benchmarks/pipeline-$workers.txt
  echo "bench: $workers worker(s) against the script at P = $workers"
  rm -rf ear/target/bench-server   # a fresh database and content store, and a cold start, for every configuration
  # ASSEMBLE's mux and the media stages' heap do not depend on the workers: measured in the first configuration only
  mvn -B -q -pl ear verify -Pbenchmark -DskipUTs=true -Dit.test=PipelineBenchmark \
    "-Dit.extra-vm-args=-Ddubgate.workers=$workers -Ddubgate.qa.recognize-english=false" -Dit.workers="$workers" \
    -Ddubgate.bench.workers="$workers" -Ddubgate.bench.cli-parallelism="$workers" \
    -Ddubgate.bench.cli-script="$PWD/bench/cli-pipeline.sh" -Ddubgate.bench.report="$report" \
    -Ddubgate.bench.mux="$first" -Ddubgate.bench.heap="$first" -Dit.upload-limit=2000000000 "$@"
  reports+=("$report")
  first=false
done
cat "${reports[@]}" > ear/target/benchmarks/pipeline.txt
cat ear/target/benchmarks/pipeline.txt
