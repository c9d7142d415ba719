#!/usr/bin/env bash
# Dubbing-pipeline benchmark on the real server (one worker): a generated 10-minute source (FFmpeg
# test picture + espeak-ng speech) with 150 cues in English and Spanish. Reports wall time, engine
# time vs the rest, ASSEMBLE vs the FFmpeg CLI, and the media stages' peak heap for 10 vs 60
# minutes. Writes ear/target/benchmarks/pipeline.txt. Needs ~6 GB of disk for the 60-minute run.
#   bench/pipeline.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bin/setup-system --bench
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
rm -rf ear/target/bench-server   # a fresh database and content store for every run
# one worker: engine time and wall time add up on one thread; uploads up to 2 GB
mvn -B -q -pl ear verify -Pbenchmark -DskipUTs=true -Dit.test=PipelineBenchmark \
  -Dit.extra-vm-args=-Ddubgate.workers=1 -Dit.upload-limit=2000000000 "$@"
cat ear/target/benchmarks/pipeline.txt
