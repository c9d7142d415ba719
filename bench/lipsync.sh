#!/usr/bin/env bash
# Lip-sync (visual ADR) against FFmpeg, same frames, same run: `media-tools lipsync` with the weight-free
# engine on 60 s of 640x360 MPEG-4 Part 2 (GOP 12, 2 B-frames, made from the GRID clips looped and scaled),
# one shot over (nearly) all of it, so (nearly) every GOP is decoded twice (analysis, rewrite) and re-encoded,
# against `ffmpeg` decoding and re-encoding the same video with the same codec and settings (bit rate, GOP,
# B-frames, closed GOPs, one thread each), alternating, 3 pairs, medians, as a ratio; and the CLI's peak Java
# heap (--stats: the heap pools' peaks) at -Xmx256m.
# Takes the build lock itself? No: run it under the lock, `flock /tmp/dubgate-build.lock bench/lipsync.sh`.
# Writes ear/target/benchmarks/lipsync.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v ffmpeg >/dev/null || { echo "bench/lipsync.sh: ffmpeg (the CLI) is needed for the comparison" >&2; exit 2; }
grid=../shared/testdata/grid
[ -d "$grid" ] || { echo "bench/lipsync.sh: GRID clips absent at $grid" >&2; exit 2; }
mvn -B -o -q -pl media-tools package -DskipTests
jar=media-tools/target/media-tools.jar
dir=ear/target/benchmarks/lipsync
mkdir -p "$dir"
report=ear/target/benchmarks/lipsync.txt

now() { date +%s.%N; }
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# 60 s: the six clips (18 s) four times over, cut to 60 s, scaled to 640x360, MPEG-4 at 800 kb/s, GOP 12, 2 B-frames
list="$dir/clips.txt"
: > "$list"
for i in 1 2 3 4; do for c in "$grid"/*.mpg; do echo "file '$(realpath "$c")'" >> "$list"; done; done
src="$dir/reel-360p.mkv"
ffmpeg -v error -y -f concat -safe 0 -i "$list" -t 60 -vf scale=640:360 -r 25 -c:v mpeg4 -b:v 800k -g 12 -bf 2 \
  -pix_fmt yuv420p -c:a mp2 -b:a 192k "$src"
# the dub: the same speech 1.5 s late (another speaker's words against each face), 16 kHz mono
dub="$dir/dub.wav"
ffmpeg -v error -y -i "$src" -vn -af "adelay=1500,atrim=0:60" -ar 16000 -ac 1 "$dub"
params="$dir/warp.json"
java -jar "$jar" lipsync --write-params "$params"
frames=$(ffprobe -v error -select_streams v -count_packets -show_entries stream=nb_read_packets -of csv=p=0 "$src")
# the source's own video bit rate, which the alteration also re-encodes at (its estimate from the packets)
rate=$(ffprobe -v error -select_streams v -show_entries packet=size -of csv=p=0 "$src" | awk -v n="$frames" '{s+=$1} END {printf "%d", s*8*25/n}')

lip_s=(); ff_s=(); heap=()
for run in 1 2 3; do
  t0=$(now)
  java -Xmx256m -jar "$jar" lipsync "$src" "$dub" --shot 0.2-59.8 --params "$params" --out "$dir/altered.mkv" \
    --stills "$dir" --stats > "$dir/result.json" 2> "$dir/stats.txt"
  t1=$(now)
  ffmpeg -v error -y -threads 1 -i "$src" -an -c:v mpeg4 -b:v "$rate" -g 12 -bf 2 -flags +cgop -sc_threshold 1000000000 \
    -threads 1 -f matroska "$dir/ffmpeg.mkv"
  t2=$(now)
  lip_s+=("$(echo "$t1 - $t0" | bc -l)")
  ff_s+=("$(echo "$t2 - $t1" | bc -l)")
  heap+=("$(sed -n 's/.*peakHeapMB=\([0-9.]*\).*/\1/p' "$dir/stats.txt")")
done
lip=$(printf '%s\n' "${lip_s[@]}" | median)
ff=$(printf '%s\n' "${ff_s[@]}" | median)
peak=$(printf '%s\n' "${heap[@]}" | median)
{
  echo "lipsync vs ffmpeg decode+re-encode, $(date -u +%FT%TZ), $(nproc) cores, 60 s 640x360 mpeg4 GOP 12 2 B-frames, $frames frames"
  printf '%-22s %10s %10s\n' "" "seconds" "fps"
  printf '%-22s %10.2f %10.1f\n' "media-tools lipsync" "$lip" "$(echo "$frames / $lip" | bc -l)"
  printf '%-22s %10.2f %10.1f\n' "ffmpeg (same codec)" "$ff" "$(echo "$frames / $ff" | bc -l)"
  printf 'ratio lipsync/ffmpeg (time): %.2f\n' "$(echo "$lip / $ff" | bc -l)"
  echo "lipsync peak Java heap (MB, -Xmx256m, medians of 3): $peak"
  echo "runs lipsync s: ${lip_s[*]}; ffmpeg s: ${ff_s[*]}; heap MB: ${heap[*]}"
  echo "result: $(head -c 600 "$dir/result.json")"
} | tee "$report"
