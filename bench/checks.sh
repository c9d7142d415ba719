#!/usr/bin/env bash
# CHECK's audio work against FFmpeg, same files, same run: `media-tools check` (what the server's CHECK
# stage gathers for one language: the full mix's loudness over the cues, programme loudness, true peak
# and clipped runs from one decode, the original's loudness over the cues, and every line's audit) in a
# fresh JVM against `ffmpeg -af ebur128=peak=true` on the full mix, alternating, 3 pairs, medians; and
# the check's peak heap (from -Xlog:gc) on a 10- and a 60-minute language.
# The English recognizer is not part of it (a non-English language): it costs 0.2-0.45 s a line.
# Writes ear/target/benchmarks/checks.txt.
#   bench/checks.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bin/setup-system --bench
mvn -B -q -pl media-tools package -DskipTests
jar=media-tools/target/media-tools.jar
dir=ear/target/benchmarks/checks
mkdir -p "$dir"
report=ear/target/benchmarks/checks.txt

now() { date +%s.%N; }
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# one 2-second line, as an engine writes it (mono 22.05 kHz 16-bit), audited once per cue
ffmpeg -v error -y -f lavfi -i "sine=f=300:d=2:r=22050,volume=0.3" -c:a pcm_s16le "$dir/line.wav"

{
  echo "CHECK audio work vs ffmpeg ebur128, $(date -u +%FT%TZ), $(nproc) cores"
  echo "check: the whole audio work of a language's CHECK (mix, original, every line); mix alone: its full-mix figures only"
  printf '%-8s %-6s %10s %10s %9s %7s %11s %13s %12s\n' minutes cues "check s" "mix alone" "ffmpeg s" ratio "mix ratio" \
    "peak heap MB" "after GC MB"
} > "$report"

for minutes in 10 60; do
  seconds=$((minutes * 60))
  mix="$dir/mix-$minutes.wav"
  original="$dir/original-$minutes.wav"
  # a full mix as MIX writes it (48 kHz 24-bit stereo) and an original with speech-like bursts
  ffmpeg -v error -y -f lavfi -i "anoisesrc=color=pink:amplitude=0.05:d=$seconds:r=48000" \
    -f lavfi -i "sine=f=220:d=$seconds:r=48000,volume='0.2*gt(mod(t,4),1)':eval=frame" \
    -filter_complex "[0][1]amerge=inputs=2" -c:a pcm_s24le "$mix"
  ffmpeg -v error -y -f lavfi -i "anoisesrc=color=brown:amplitude=0.1:d=$seconds:r=44100:seed=7" \
    -ac 2 -c:a pcm_s16le "$original"
  cues="$dir/cues-$minutes.json"
  count=$((seconds / 4))
  awk -v n="$count" 'BEGIN { printf "{\"cues\":["; for (i = 0; i < n; i++) printf "%s{\"start\":%d,\"end\":%d}", (i ? "," : ""), i * 4 + 1, i * 4 + 4; print "]}" }' > "$cues"
  lines=()
  for ((i = 0; i < count; i++)); do lines+=("$dir/line.wav"); done

  checks=(); mixes=(); ffmpegs=(); peaks=(); afters=()
  for pair in 1 2 3; do
    gc="$dir/gc-$minutes-$pair.log"
    s=$(now)
    java -Xlog:gc:file="$gc" -jar "$jar" check "$mix" --gate-on "$cues" --original "$original" "${lines[@]}" \
      > "$dir/check-$minutes.json" 2> "$dir/check-$minutes.log"
    checks+=("$(echo "$(now) - $s" | bc)")
    s=$(now)
    java -jar "$jar" check "$mix" --gate-on "$cues" > /dev/null 2>&1
    mixes+=("$(echo "$(now) - $s" | bc)")
    s=$(now)
    ffmpeg -nostats -hide_banner -i "$mix" -af ebur128=peak=true -f null - 2> "$dir/ebur128-$minutes.txt"
    ffmpegs+=("$(echo "$(now) - $s" | bc)")
    # "Pause Young (Normal) (G1 Evacuation Pause) 24M->3M(256M)": the heap before and after each collection
    peaks+=("$(grep -oE '[0-9]+M->[0-9]+M' "$gc" | cut -dM -f1 | sort -n | tail -1)")
    afters+=("$(grep -oE '[0-9]+M->[0-9]+M' "$gc" | sed -E 's/.*->([0-9]+)M/\1/' | sort -n | tail -1)")
  done
  c=$(printf '%s\n' "${checks[@]}" | median)
  m=$(printf '%s\n' "${mixes[@]}" | median)
  f=$(printf '%s\n' "${ffmpegs[@]}" | median)
  p=$(printf '%s\n' "${peaks[@]}" | sort -n | tail -1)
  a=$(printf '%s\n' "${afters[@]}" | sort -n | tail -1)
  printf '%-8s %-6s %10.2f %10.2f %9.2f %7.2f %11.2f %13s %12s\n' "$minutes" "$count" "$c" "$m" "$f" \
    "$(echo "$c / $f" | bc -l)" "$(echo "$m / $f" | bc -l)" "${p:-none}" "${a:-none}" >> "$report"
  echo "  ours:   $(grep -o '"integratedLufs":[^,]*' "$dir/check-$minutes.json" | head -2 | tr '\n' ' ')" >> "$report"
  echo "  ffmpeg: $(grep -E '^\s+I:' "$dir/ebur128-$minutes.txt" | tail -1 | xargs)" >> "$report"
  rm -f "$mix" "$original"
done
cat "$report"
