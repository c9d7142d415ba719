#!/usr/bin/env bash
# The benchmark job of bench/pipeline.sh done the command-line way, the yardstick PipelineBenchmark
# times the server against: the same lines made by the engine CLIs (one process per line, the arguments
# media-tools' Flite and EspeakNg pass), time-fitted by TimeFit's rule (lengths from soxi), one dialogue
# stem per language (ffmpeg: each line resampled to 48 kHz mono float, placed at its cue, levelled to
# the job's target beside the ducked original, measured with ebur128), the full mix (the original ducked
# 18 dB under each dub line with 50 ms ramps, the stem at -3 dB on both sides) and the `ffmpeg -c copy`
# mux of picture, original and dubs. It reads the same plan the server job was given, which
# PipelineBenchmark writes, so both make the same lines.
#
#   bench/cli-pipeline.sh PLAN OUT P
#       the whole job, at most P processes at a time (xargs -P for the engines; languages side by side);
#       writes OUT/programme.mkv, OUT/<lang>/dialogue.wav and mix.wav, and OUT/times.tsv (step, start, end)
#   bench/cli-pipeline.sh relevel PLAN OUT LANG GAIN
#       not timed: levels OUT/<lang>/unlevelled.wav by the linear GAIN given (the server's, so the stems
#       can be compared bit for bit) and mixes it, into OUT/<lang>/relevelled.{dialogue,mix}.wav
#
# PLAN is a folder: programme.conf (source=, length_ns=, languages=, max_tempo=, target_lufs=,
# ceiling_dbtp=, duck_db=), and per language <lang>.voice (engine=flite|espeak-ng, voice=, rate_percent=,
# pitch_percent=, track_language=) and <lang>.cues (cue id, character, start ns, end ns, text; tab-separated).
#
# What it does as the server does, so the outputs can be bit-identical: every file is read the way
# media-tools reads it through JavaCV, whose grabber hands out 16-bit samples (aformat=s16 before each
# aresample); lines add up as float sums in the same order; the stem's gain is one float multiplication;
# the ducking gains are the server's float arithmetic, emulated (both whole ramps are made once a run and
# shared); 24-bit output is FFmpeg's own float-to-s32 conversion. Checked against media-tools on a plan
# with tempo changes and overlapping lines: the stems come out bit-identical, the mixes differ only where
# the system ffmpeg and JavaCV's FFmpeg decode the source's AAC differently (one 16-bit step).
# What it does not do the same: the loudness it levels to is ffmpeg's ebur128 over the cues (the server's
# meter differs by a few thousandths of an LU, so its gain does too: `relevel` takes the server's gain for
# the comparison), and its limiter, always in the chain as the server's is, is alimiter (sample peaks), not a
# true-peak one: where the server's reduces a true peak alimiter may not, or not alike. It does no QA.
# Needs ffmpeg 5.1+, sox (soxi), flite, espeak-ng; paths without blanks.
set -euo pipefail
# numbers with a decimal point whatever the caller's locale (awk, printf, $EPOCHREALTIME); text is left alone
if [[ -n ${LC_ALL:-} ]]; then export LANG=$LC_ALL; unset LC_ALL; fi
export LC_NUMERIC=C

die() { echo "cli-pipeline: $*" >&2; exit 2; }
stamp() { printf '%s\t%s\t%s\n' "$1" "$2" "$EPOCHREALTIME" >> "$3"; }

RAMP=2400            # ProgrammeMix.RAMP, 50 ms at 48 kHz
LIMITER_MARGIN=0.3   # TruePeakLimiter.MARGIN_DB: the server limits this far under the ceiling
FIT_MARGIN=4800      # a line whose estimated end comes within 100 ms of the next line's start is mixed with it

# --- shared awk: sample positions as DialogueStem.samples rounds them, the server's float rounding, and the
# sub-graphs built from spans
AWK_LIB='
function samples(ns) { return int(ns * 48000 / 1000000000 + 0.5) }
function num(x) { return sprintf("%.0f", x) }
# keeps [from, to) of each span of samples (read from the arrays A, B, count n) out of stream IN, as OUT, for a
# meter (which counts samples, not time): frames cut at every span edge (asegment, then concat), timed by sample,
# and only those inside a span selected. Four filters however many spans (ffmpeg 5.1 looks over every filter of a
# graph at each step, so a filter per span would cost more than the audio), and the kept frames keep programme
# time, so ffmpeg keeps this branch in step with the others instead of buffering them
function gate(in_label, out_label, n, A, B, total, prefix,    i, pts, outs, sel, k, a, b, last) {
    pts = ""; outs = ""; sel = ""; k = 0; last = -1
    for (i = 1; i <= n; i++) {
        a = A[i]; b = B[i]; if (b > total) b = total
        if (a <= last) a = last
        if (b <= a) continue
        pts = pts (pts == "" ? "" : "|") num(a) "|" num(b); last = b
        # in groups of 50: ffmpeg parses at most 100 terms of a sum at one level
        sel = sel (sel == "" ? "(" : k % 100 == 0 ? ")+(" : "+") "between(pts," num(a) "," num(b - 1) ")"
        outs = outs "[" prefix k "][" prefix (k + 1) "]"; k += 2
    }
    sel = sel ")"
    if (k == 0) { printf "%sanullsink;anullsrc=r=48000:cl=mono,atrim=end_sample=0%s;\n", in_label, out_label; return }
    printf "%sasegment=samples=%s%s[%s%d];\n", in_label, pts, outs, prefix, k
    outs = outs "[" prefix k "]"
    printf "%sconcat=n=%d:v=0:a=1,asettb=1/48000,asetpts=N,aselect=%c%s%c%s;\n", outs, k + 1, 39, sel, 39, out_label
}
# x rounded to the nearest float, ties to even: the server computes its gains in float arithmetic
function f32(x,    a, q, r, n) {
    if (x == 0) return 0
    a = x < 0 ? -x : x
    q = 1
    while (q > a) q /= 2
    while (q * 2 <= a) q *= 2
    q /= 8388608
    r = a / q; n = int(r)
    if (r - n > 0.5 || (r - n == 0.5 && n % 2 == 1)) n++
    return (x < 0 ? -n : n) * q
}
# the same rounding as an ffmpeg expression, for x >= 0 (all the gains are): register 1 holds the unit in the last
# place, 2 the multiple of it, 3 its whole part; a tie (common: 1 - p is exact in double) goes to the even one
function fexpr(e) {
    return "(st(0," e ");if(eq(ld(0),0),0,st(1,pow(2,floor(log(ld(0))/log(2))-23));" \
        "st(1,if(gte(ld(0)/ld(1),16777216),ld(1)*2,if(lt(ld(0)/ld(1),8388608),ld(1)/2,ld(1))));" \
        "st(2,ld(0)/ld(1));st(3,floor(ld(2)));" \
        "if(eq(ld(2)-ld(3),0.5),ld(3)+mod(ld(3),2),round(ld(2)))*ld(1)))"
}
# SpanCursor and ProgrammeMix in float: depth (x - (start - ramp)) / ramp before a span, 1 - (x - end) / ramp after
# one; gain 1 - depth * (1 - duck). off is how far the first sample lies from the ramp start, K = f32(1 - duck)
function ramp_expr(kind, off, ramp, K,    d) {
    d = fexpr("(" num(off) "+n)/" ramp)
    if (kind == "up") d = fexpr("1-" d)
    return fexpr("1-" fexpr(d "*" sprintf("%.17g", K)))
}
# a ramp of samples as a stereo float source (the statement without its closing semicolon)
function ramp_source(kind, off, len, ramp, K, label,    ex) {
    ex = ramp_expr(kind, off, ramp, K)
    printf "aevalsrc=exprs=%c%s|%s%c:s=48000:c=stereo:d=%.6f,atrim=end_sample=%s,aformat=sample_fmts=flt:channel_layouts=stereo%s", 39, ex, ex, 39, (len + 64) / 48000, num(len), label
}
# the pieces of one kind, concatenated, through one chain (its first filter takes the concatenation first), and cut
# apart again (lengths L[1..c]): the labels of the pieces
function through(inputs, c, L, chain, prefix,    i, pts, outs, at) {
    pts = ""; outs = ""; at = 0
    for (i = 1; i <= c; i++) {
        outs = outs "[" prefix i "]"
        at += L[i]; if (i < c) pts = pts (i > 1 ? "|" : "") num(at)
    }
    printf "%sconcat=n=%d:v=0:a=1[%sc];[%sc]%s%s;\n", inputs, c, prefix, prefix, chain, (c > 1 ? ",asegment=samples=" pts outs : outs)
    return outs
}
# the original as ProgrammeMix ducks it: inside a dub span by the hold gain, a ramp of RAMP samples outside each
# edge (the deeper of two where they meet), stereo float, total samples. Cut into pieces once; all holds go
# through one volume, all whole ramps through one amultiply with the ready-made ramp (inputs rd and ru) looped;
# only ramps cut short get a source of their own
function duck(in_label, out_label, n, S, E, total, ramp, K, hold, prefix, rd, ru,    i, j, m, MS, ME, np, P0, P1, PT, PO, c, s, e, k, x, y, pts, outs, order, t, nh, nd, nu, HL, DL, UL, hin, din, uin, hl, dl, ul, lbl) {
    m = 0
    for (i = 1; i <= n; i++) {
        if (m > 0 && S[i] <= ME[m]) { if (E[i] > ME[m]) ME[m] = E[i]; continue }
        m++; MS[m] = S[i]; ME[m] = E[i]
    }
    np = 0
    for (j = 1; j <= m; j++) {
        s = MS[j]; e = ME[j]
        if (j == 1) { np++; P0[np] = 0; P1[np] = s - ramp; PT[np] = "pass"
                      np++; P0[np] = s - ramp; P1[np] = s; PT[np] = "down"; PO[np] = s - ramp }
        np++; P0[np] = s; P1[np] = e; PT[np] = "hold"
        if (j < m) {
            x = MS[j + 1]
            if (x - e >= 2 * ramp) {
                np++; P0[np] = e; P1[np] = e + ramp; PT[np] = "up"; PO[np] = e
                np++; P0[np] = e + ramp; P1[np] = x - ramp; PT[np] = "pass"
                np++; P0[np] = x - ramp; P1[np] = x; PT[np] = "down"; PO[np] = x - ramp
            } else {
                c = int((e + x + 1) / 2)  # from here the ramp of the next span is the deeper one
                np++; P0[np] = e; P1[np] = c; PT[np] = "up"; PO[np] = e
                np++; P0[np] = c; P1[np] = x; PT[np] = "down"; PO[np] = x - ramp
            }
        } else {
            np++; P0[np] = e; P1[np] = e + ramp; PT[np] = "up"; PO[np] = e
            np++; P0[np] = e + ramp; P1[np] = total; PT[np] = "pass"
        }
    }
    pts = ""; outs = ""; k = 0; nh = 0; nd = 0; nu = 0; hin = ""; din = ""; uin = ""
    for (i = 1; i <= np; i++) {
        x = P0[i] < 0 ? 0 : P0[i]; y = P1[i] > total ? total : P1[i]
        if (y <= x) continue
        if (k > 0) pts = pts (pts == "" ? "" : "|") num(x)
        lbl = "[" prefix k "]"; outs = outs lbl
        t = PT[i]
        if ((t == "down" || t == "up") && !(x == PO[i] && y - x == ramp)) {
            ramp_source(t, x - PO[i], y - x, ramp, K, "[" prefix "r" k "]"); printf ";\n"
            printf "%s[%sr%d]amultiply[%so%d];\n", lbl, prefix, k, prefix, k
            t = "own"
        }
        if (t == "hold") { nh++; HL[nh] = y - x; hin = hin lbl }
        if (t == "down") { nd++; DL[nd] = ramp; din = din lbl }
        if (t == "up") { nu++; UL[nu] = ramp; uin = uin lbl }
        order[k] = t == "own" ? "[" prefix "o" k "]" : t == "pass" ? lbl : t
        k++
    }
    if (k == 0) { printf "%sanull%s;\n", in_label, out_label; return }
    if (k == 1) printf "%sanull%s;\n", in_label, outs
    else printf "%sasegment=samples=%s%s;\n", in_label, pts, outs
    hl = nh ? through(hin, nh, HL, sprintf("volume=volume=%.17g:precision=float", hold), prefix "h") : ""
    if (nd) printf "%saloop=loop=-1:size=%d,atrim=end_sample=%s[%srd];\n", rd, ramp, num(nd * ramp), prefix
    dl = nd ? through(din, nd, DL, "[" prefix "rd]amultiply", prefix "d") : ""
    if (nu) printf "%saloop=loop=-1:size=%d,atrim=end_sample=%s[%sru];\n", ru, ramp, num(nu * ramp), prefix
    ul = nu ? through(uin, nu, UL, "[" prefix "ru]amultiply", prefix "u") : ""
    # the pieces back in programme order
    outs = ""
    for (i = 0; i < k; i++) {
        if (order[i] == "hold") { match(hl, /^\[[^]]*\]/); outs = outs substr(hl, 1, RLENGTH); hl = substr(hl, RLENGTH + 1) }
        else if (order[i] == "down") { match(dl, /^\[[^]]*\]/); outs = outs substr(dl, 1, RLENGTH); dl = substr(dl, RLENGTH + 1) }
        else if (order[i] == "up") { match(ul, /^\[[^]]*\]/); outs = outs substr(ul, 1, RLENGTH); ul = substr(ul, RLENGTH + 1) }
        else outs = outs order[i]
    }
    printf "%sconcat=n=%d:v=0:a=1,asetpts=N/SR/TB%s;\n", outs, k, out_label
}
# the dub spans (S, E) and the cue spans (A, B) of a language, in samples, from its fit.tsv
function spans(file,    line, f, n) {
    n = 0
    while ((getline line < file) > 0) {
        split(line, f, "\t")
        n++; A[n] = samples(f[2]); B[n] = samples(f[3])
        S[n] = A[n]; E[n] = samples(f[2] + f[5] > f[3] + 0 ? f[2] + f[5] : f[3] + 0)
    }
    close(file)
    return n
}
'

# --- the plan
read_conf() {  # file, array name: key=value lines into an associative array
  local -n into=$2
  local key value
  while IFS='=' read -r key value; do
    # shellcheck disable=SC2034,SC2004  # a name reference to the caller's associative array, keyed by text
    [[ -n $key && $key != \#* ]] && into[$key]=$value
  done < "$1"
}

declare -A prog=()
load_plan() {
  plan=$1
  [[ -f $plan/programme.conf ]] || die "$plan/programme.conf: no plan there"
  read_conf "$plan/programme.conf" prog
  for k in source length_ns languages max_tempo target_lufs ceiling_dbtp duck_db; do
    [[ -n ${prog[$k]:-} ]] || die "programme.conf has no $k"
  done
  N=$(awk -v ns="${prog[length_ns]}" "$AWK_LIB"'BEGIN { print num(samples(ns)) }')
  # the duck's float and the two gains the server derives from it: K = 1 - duck, and the hold gain 1 - K
  read -r K HOLD < <(awk -v db="${prog[duck_db]}" "$AWK_LIB"'BEGIN { k = f32(1 - f32(10 ^ (db / 20)))
    printf "%.17g %.17g\n", k, f32(1 - k) }')
}

voice_of() {  # lang: the engine and its arguments for one line, as 4 fields (engine voice a b)
  declare -A v=()
  read_conf "$plan/$1.voice" v
  local rate=${v[rate_percent]:-100} pitch=${v[pitch_percent]:-100}
  case ${v[engine]} in
    flite)  # Flite.synthesize: no pitch control; rate is duration_stretch = 100 / rate, 3 decimals
      [[ $pitch == 100 ]] || die "$1: flite has no pitch control"
      echo "flite ${v[voice]} $(awk -v r="$rate" 'BEGIN { printf "%.3f", 100 / r }') -" ;;
    espeak-ng)  # EspeakNg.synthesize: pitch 50 and 175 words a minute scaled by the percentages, clamped
      echo "espeak-ng ${v[voice]} $(( (p = 50 * pitch / 100) < 0 ? 0 : p > 99 ? 99 : p )) \
$(( (w = 175 * rate / 100) < 80 ? 80 : w > 450 ? 450 : w ))" ;;
    *) die "$1: engine ${v[engine]:-none} is not one this script runs" ;;
  esac
}

# --- step 1: one engine process per line, P at a time
engines() {
  local queue=$out/engine-runs lang
  : > "$queue"
  for lang in ${prog[languages]}; do
    mkdir -p "$out/$lang/lines"
    local voice
    voice=$(voice_of "$lang")
    # each cue's text in a file of its own (no newline added: the server writes the text as it is)
    awk -F'\t' -v dir="$out/$lang/lines" -v voice="$voice" '{
        f = sprintf("%s/%04d", dir, NR - 1)
        text = $5; for (i = 6; i <= NF; i++) text = text "\t" $i
        printf "%s", text > (f ".txt"); close(f ".txt")
        print voice, f ".txt", f ".wav"
    }' "$plan/$lang.cues" >> "$queue"
  done
  # flite reads its text file (-f); espeak-ng reads stdin (--stdin), so a shell redirects and then becomes it
  # shellcheck disable=SC2016  # the arguments are that shell's, not this one's
  xargs -P "$P" -n 6 sh -c 'case $1 in
      flite) exec flite -voice "$2" --setf "duration_stretch=$3" -f "$5" -o "$6" ;;
      espeak-ng) exec espeak-ng -v "$2" -p "$3" -s "$4" -w "$6" --stdin < "$5" ;;
    esac' sh < "$queue" > /dev/null 2> "$out/engines.log" || { cat "$out/engines.log" >&2; die "an engine failed"; }
}

# --- step 2: TimeFit.plan per line, in nanoseconds as the server computes it
time_fit() {
  local lang=$1 dir=$out/$1
  local wavs=("$dir"/lines/*.wav)
  soxi -s "${wavs[@]}" > "$dir/frames"
  soxi -r "${wavs[@]}" > "$dir/rates"
  # fit.tsv: line, start, end, tempo (as the mixer's atempo takes it; 1 = unchanged), fitted length, audio file
  paste "$plan/$lang.cues" "$dir/frames" "$dir/rates" | awk -F'\t' -v total="${prog[length_ns]}" \
      -v max_tempo="${prog[max_tempo]}" -v dir="$dir/lines" '
    { n++; ch[n] = $2; st[n] = $3; en[n] = $4; fr[n] = $(NF - 1); ra[n] = $NF }
    END {
      for (i = 1; i <= n; i++) {
        # the window: the same character next cue starting at or after this one ends, else the programme end
        w = total; found = 0
        for (j = 1; j <= n; j++)
          if (j != i && ch[j] == ch[i] && st[j] >= en[i] && (!found || st[j] < w)) { w = st[j]; found = 1 }
        if (w < en[i]) w = en[i]
        len = int(fr[i] * 1000000000 / ra[i])   # WavFiles: frames * 1e9 / rate, truncated
        tempo = 1; fitted = len
        if (len > en[i] - st[i] && len > w - st[i]) {
          tempo = len / (w - st[i]); if (tempo > max_tempo) tempo = max_tempo
          fitted = int(len / tempo + 0.5)
        }
        t = (tempo - 1 > 1e-6 || 1 - tempo > 1e-6) ? sprintf("%.6f", tempo) : "1"
        printf "%d\t%.0f\t%.0f\t%s\t%.0f\t%s/%04d.wav\t%.0f\t%d\n", i - 1, st[i], en[i], t, fitted, dir, i - 1, fr[i], ra[i]
      }
    }' > "$dir/fit.tsv"
}

# --- step 3: in one ffmpeg, the unlevelled float stem and its loudness over the cues, and the ducked original's
# loudness over the cues (what the level is aimed beside)
render_stem() {
  local lang=$1 dir=$out/$1
  local inputs=() audio
  while IFS=$'\t' read -r _ _ _ _ _ audio _; do inputs+=(-i "$audio"); done < "$dir/fit.tsv"
  awk -F'\t' -v total="$N" -v margin="$FIT_MARGIN" -v src="$(( ${#inputs[@]} / 2 ))" -v K="$K" -v hold="$HOLD" \
      -v ramp="$RAMP" -v fit="$dir/fit.tsv" -v dir="$dir" "$AWK_LIB"'
    { at[NR] = samples($2); tempo[NR] = $4
      # how long the line lasts at 48 kHz after its tempo, with room to spare: only to group lines that may overlap
      est[NR] = int($7 * 48000 / $8 / (tempo[NR] == "1" ? 1 : tempo[NR])) + margin }
    END {
      n = NR; k = 0; used = 0
      for (i = 1; i <= n; i++) if (at[i] < total) used = i
      # consecutive lines that may overlap form a group, mixed by amix (a float sum, as the stem adds lines);
      # each group is padded with silence to where the next one starts, and the groups concatenated
      list = ""; i = 1
      while (i <= used) {
        j = i; reach = at[i] + est[i]
        while (j < used && reach > at[j + 1]) { j++; if (at[j] + est[j] > reach) reach = at[j] + est[j] }
        from = (k == 0) ? 0 : at[i]; to = (j < used) ? at[j + 1] : total
        for (l = i; l <= j; l++) {
          # DialogueStem.decode: [atempo,]aresample to 48 kHz float mono, the output format given to the resampler
          chain = "[" (l - 1) ":a]" (tempo[l] == "1" ? "" : "atempo=" tempo[l] ",") "aresample=48000:osf=flt"
          if (at[l] > from) chain = chain ",adelay=delays=" num(at[l] - from) "S:all=1"
          if (j > i) printf "%s[l%d];\n", chain, l - 1
        }
        if (j > i) {
          mixin = ""; for (l = i; l <= j; l++) mixin = mixin "[l" (l - 1) "]"
          printf "%samix=inputs=%d:normalize=0:duration=longest:dropout_transition=0,", mixin, j - i + 1
        } else printf "%s,", chain
        # padded, not cut: a group longer than its room makes the stem too long, which is checked after
        printf "apad=whole_len=%s[g%d];\n", num(to - from), k
        list = list "[g" k "]"; k++; i = j + 1
      }
      if (k == 0) { printf "anullsrc=r=48000:cl=mono,atrim=end_sample=%s[g0];\n", num(total); list = "[g0]"; k = 1 }
      printf "%sconcat=n=%d:v=0:a=1,asplit=2[stem][sm];\n", list, k
      m = spans(fit)
      gate("[sm]", "[sg]", m, A, B, total, "sc")
      printf "[sg]ebur128=metadata=1,ametadata=mode=print:key=lavfi.r128.I:file=%s/stem.lufs[stemlufs];\n", dir
      printf "[%d:a]aformat=sample_fmts=s16:channel_layouts=stereo,aresample=48000,aformat=sample_fmts=flt:channel_layouts=stereo,atrim=end_sample=%s,apad=whole_len=%s[src];\n", src, num(total), num(total)
      duck("[src]", "[bed]", m, S, E, total, ramp, K, hold, "bd", "[" (src + 1) ":a]", "[" (src + 2) ":a]")
      gate("[bed]", "[bg]", m, A, B, total, "bc")
      printf "[bg]ebur128=metadata=1,ametadata=mode=print:key=lavfi.r128.I:file=%s/bed.lufs[bedlufs]\n", dir
    }' "$dir/fit.tsv" > "$dir/stem.graph"
  ffmpeg -nostdin -hide_banner -nostats -v error -y "${inputs[@]}" -i "${prog[source]}" \
    -i "$out/ramp-down.wav" -i "$out/ramp-up.wav" -filter_complex_script "$dir/stem.graph" \
    -map '[stem]' -c:a pcm_f32le "$dir/unlevelled.wav" \
    -map '[stemlufs]' -c:a pcm_f32le -f null - -map '[bedlufs]' -c:a pcm_f32le -f null - 2> "$dir/stem.log" \
    || { cat "$dir/stem.log" >&2; die "$lang: rendering the stem failed"; }
  [[ $(soxi -s "$dir/unlevelled.wav" 2>/dev/null) == "$N" ]] || die "$lang: a line ran past the next one's start (raise FIT_MARGIN)"
}

# the last integrated loudness ebur128 printed into a file, or nothing when none was measured
last_lufs() { sed -n 's/^lavfi\.r128\.I=//p' "$1" | tail -n 1; }

# the gain DialogueLevelling aims at: the energy the bed leaves under the target, less the stem's level
gain_for() {
  local lang=$1 dir=$out/$1
  awk -v t="${prog[target_lufs]}" -v b="$(last_lufs "$dir/bed.lufs")" -v s="$(last_lufs "$dir/stem.lufs")" 'BEGIN {
      # ebur128 reports -70 (its absolute gate) when nothing is loud enough to measure: no level
      aim = t
      if (b != "" && b > -70) aim = (b > t - 1) ? t : 10 * log(10 ^ (t / 10) - 10 ^ (b / 10)) / log(10)
      gain = (s != "" && s > -70) ? aim - s : 0
      printf "%.10g\n", 10 ^ (gain / 20)
    }'
}

# the limiter every output goes through, as the server's all do: alimiter where the server's true-peak limiter
# starts (TruePeakLimiter.MARGIN_DB under the ceiling). A sample-peak limiter (ffmpeg has no true-peak one) with a
# 2 ms look-ahead; where nothing comes near its limit it hands the samples on untouched
limiter() { awk -v c="${prog[ceiling_dbtp]}" -v m="$LIMITER_MARGIN" 'BEGIN {
    printf "alimiter=limit=%.6f:attack=2:release=50:level=0:latency=1", 10 ^ ((c - m) / 20) }'; }

# --- step 4: the 24-bit stem: the float stem read as 16-bit (as JavaCV's grabber reads it), one float gain
level() {
  local lang=$1 gain=$2 stem=$3 dir=$out/$1
  local chain
  chain="[0:a]aformat=sample_fmts=s16:channel_layouts=mono,aresample=48000,aformat=sample_fmts=flt:channel_layouts=mono,volume=volume=$gain:precision=float,$(limiter)"
  ffmpeg -nostdin -hide_banner -nostats -v error -y -i "$dir/unlevelled.wav" -filter_complex "${chain}[s]" \
    -map '[s]' -c:a pcm_s24le "$stem"
}

# --- step 5: the full mix: the original ducked under the dub spans plus the stem at 0.7071 on both sides
full_mix() {
  local lang=$1 stem=$2 mix=$3 dir=$out/$1
  awk -v total="$N" -v K="$K" -v hold="$HOLD" -v ramp="$RAMP" -v fit="$dir/fit.tsv" -v tail=",$(limiter)" "$AWK_LIB"'BEGIN {
      printf "[0:a]aformat=sample_fmts=s16:channel_layouts=stereo,aresample=48000,aformat=sample_fmts=flt:channel_layouts=stereo,atrim=end_sample=%s,apad=whole_len=%s[src];\n", num(total), num(total)
      m = spans(fit)
      duck("[src]", "[bed]", m, S, E, total, ramp, K, hold, "d", "[2:a]", "[3:a]")
      printf "[1:a]aformat=sample_fmts=s16:channel_layouts=mono,aresample=48000,aformat=sample_fmts=flt:channel_layouts=mono,pan=stereo|c0=0.7071*c0|c1=0.7071*c0[dia];\n"
      printf "[bed][dia]amix=inputs=2:normalize=0:duration=first:dropout_transition=0%s[mixed]\n", tail
    }' > "$dir/mix.graph"
  ffmpeg -nostdin -hide_banner -nostats -v error -y -i "${prog[source]}" -i "$stem" \
    -i "$out/ramp-down.wav" -i "$out/ramp-up.wav" -filter_complex_script "$dir/mix.graph" -map '[mixed]' \
    -c:a pcm_s24le "$mix"
}

# the two whole ramps as the server's float arithmetic makes them, once for every language
ramps() {
  awk -v ramp="$RAMP" -v K="$K" "$AWK_LIB"'BEGIN {
      ramp_source("down", 0, ramp, ramp, K, "[down]"); printf ";\n"; ramp_source("up", 0, ramp, ramp, K, "[up]")
    }' > "$out/ramps.graph"
  ffmpeg -nostdin -hide_banner -v error -y -filter_complex_script "$out/ramps.graph" \
    -map '[down]' -c:a pcm_f32le "$out/ramp-down.wav" -map '[up]' -c:a pcm_f32le "$out/ramp-up.wav"
}

language() {  # steps 2-5 of one language, timed into its own file
  local lang=$1 t=$out/$1/times.tsv gain
  : > "$t"
  stamp "fit/$lang" start "$t"; time_fit "$lang"; stamp "fit/$lang" end "$t"
  stamp "stem/$lang" start "$t"; render_stem "$lang"; stamp "stem/$lang" end "$t"
  stamp "level/$lang" start "$t"; gain=$(gain_for "$lang"); echo "$gain" > "$out/$lang/gain"
  level "$lang" "$gain" "$out/$lang/dialogue.wav"; stamp "level/$lang" end "$t"
  stamp "mix/$lang" start "$t"; full_mix "$lang" "$out/$lang/dialogue.wav" "$out/$lang/mix.wav"; stamp "mix/$lang" end "$t"
}

# --- step 6: picture + original + every dub, stream copy
mux() {
  local args=(-i "${prog[source]}") maps=(-map 0:v -map 0:a) meta=() i=1 lang
  for lang in ${prog[languages]}; do
    declare -A v=(); read_conf "$plan/$lang.voice" v
    args+=(-i "$out/$lang/mix.wav"); maps+=(-map "$i:a")
    meta+=("-metadata:s:a:$i" "language=${v[track_language]:-und}")
    i=$((i + 1))
  done
  ffmpeg -nostdin -v error -y "${args[@]}" "${maps[@]}" -c copy "${meta[@]}" -metadata AI_GENERATED_DIALOGUE=true \
    "$out/programme.mkv"
}

if [[ ${1:-} == relevel ]]; then
  [[ $# -eq 5 ]] || die "usage: bench/cli-pipeline.sh relevel PLAN OUT LANG GAIN"
  load_plan "$(realpath "$2")"; out=$(realpath "$3")
  level "$4" "$5" "$out/$4/relevelled.dialogue.wav"
  full_mix "$4" "$out/$4/relevelled.dialogue.wav" "$out/$4/relevelled.mix.wav"
  exit 0
fi
[[ $# -eq 3 && $3 =~ ^[1-9][0-9]*$ ]] || { sed -n '/^#   bench/,/^#$/p' "$0" >&2; die "usage: bench/cli-pipeline.sh PLAN OUT P"; }
load_plan "$(realpath "$1")"; out=$(realpath -m "$2"); P=$3
[[ "$out$plan${prog[source]}" =~ [[:space:]] ]] && die "paths with blanks are not supported"
rm -rf "$out"; mkdir -p "$out"
times=$out/times.tsv
: > "$times"
stamp job start "$times"
stamp engines start "$times"; engines; stamp engines end "$times"
stamp ramps start "$times"; ramps; stamp ramps end "$times"
# languages side by side when P allows, each on its own once its lines are made
running=0
for lang in ${prog[languages]}; do
  if (( running >= P )); then wait -n || die "a language failed"; running=$((running - 1)); fi
  language "$lang" &
  running=$((running + 1))
done
while (( running > 0 )); do wait -n || die "a language failed"; running=$((running - 1)); done
stamp mux start "$times"; mux; stamp mux end "$times"
stamp job end "$times"
for lang in ${prog[languages]}; do cat "$out/$lang/times.tsv" >> "$times"; done
