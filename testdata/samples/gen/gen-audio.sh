#!/usr/bin/env bash
# gen-audio.sh - regenerate the synthetic dialogue recordings and their sidecar
# transcripts from the *.dialogue scripts in this directory.
#
# Usage:  testdata/samples/gen/gen-audio.sh [NAME ...]
#         (no NAME: every gen/*.dialogue)
#
# Needs espeak-ng and sox (Debian: apt-get install -y espeak-ng sox).
# Never run at build or test time; the outputs are committed next to this
# directory as ../NAME.wav plus ../NAME.vtt or ../NAME.srt.
#
# Dialogue file format (UTF-8, one directive or cue per line):
#   # comment                    ignored, as are blank lines
#   @format vtt|srt              sidecar format to write
#   @speed WPM                   espeak-ng speaking rate (default 175)
#   @gap SECONDS                 silence between cues (default 0.35)
#   @lead SECONDS                silence before the first cue (default 0.50)
#   @tail SECONDS                silence after the last cue (default 0.50)
#   @speaker KEY VOICE LABEL...  KEY used on cue lines, espeak-ng voice, and
#                                the label written to the sidecar: the VTT
#                                voice-tag name, or the SRT "LABEL:" prefix
#   KEY | caption text [| spoken text]
#                                one cue; the optional third field is what
#                                espeak-ng says instead of the caption (for
#                                identifiers spoken digit by digit, say)
#
# Each cue is rendered on its own, trimmed of leading/trailing silence,
# resampled to 8 kHz mono 16-bit PCM, and concatenated with silences.
# Cue timestamps are computed from the sample counts of the rendered pieces,
# so they match the real positions in the WAV.
set -euo pipefail

RATE=8000
tmproot="$(mktemp -d)"
trap 'rm -rf "$tmproot"' EXIT
here="$(cd "$(dirname "$0")" && pwd)"
outdir="$(cd "$here/.." && pwd)"

for tool in espeak-ng sox soxi awk; do
  command -v "$tool" >/dev/null || { echo "gen-audio.sh: $tool not found" >&2; exit 1; }
done

trim() { local s="$1"; s="${s#"${s%%[![:space:]]*}"}"; s="${s%"${s##*[![:space:]]}"}"; printf '%s' "$s"; }

# ms_stamp SAMPLES SEP -> HH:MM:SS<SEP>mmm
ms_stamp() {
  awk -v n="$1" -v r="$RATE" -v sep="$2" 'BEGIN {
    ms = int(n * 1000 / r + 0.5)
    h = int(ms / 3600000); ms -= h * 3600000
    m = int(ms / 60000);   ms -= m * 60000
    s = int(ms / 1000);    ms -= s * 1000
    printf "%02d:%02d:%02d%s%03d", h, m, s, sep, ms
  }'
}

secs_to_samples() { awk -v s="$1" -v r="$RATE" 'BEGIN { printf "%d", s * r + 0.5 }'; }

silence() { # silence FILE SECONDS
  sox -R -n -r "$RATE" -c 1 -b 16 -e signed-integer "$1" trim 0 "$2"
}

gen_one() {
  local name="$1" src="$here/$1.dialogue"
  [[ -f "$src" ]] || { echo "gen-audio.sh: no such dialogue: $src" >&2; return 1; }

  local format="" speed=175 gap=0.35 lead=0.50 tail=0.50
  declare -A voice=() label=()
  local keys=() captions=() spoken=()

  local line key rest f1 f2 f3
  while IFS= read -r line || [[ -n "$line" ]]; do
    line="$(trim "$line")"
    [[ -z "$line" || "$line" == \#* ]] && continue
    if [[ "$line" == @* ]]; then
      read -r key rest <<<"$line"
      case "$key" in
        @format) format="$rest" ;;
        @speed) speed="$rest" ;;
        @gap) gap="$rest" ;;
        @lead) lead="$rest" ;;
        @tail) tail="$rest" ;;
        @speaker)
          read -r f1 f2 f3 <<<"$rest"
          voice[$f1]="$f2"; label[$f1]="$f3" ;;
        *) echo "$src: unknown directive $key" >&2; return 1 ;;
      esac
      continue
    fi
    IFS='|' read -r f1 f2 f3 <<<"$line"
    f1="$(trim "$f1")"; f2="$(trim "$f2")"; f3="$(trim "${f3:-}")"
    [[ -n "${voice[$f1]:-}" ]] || { echo "$src: unknown speaker '$f1'" >&2; return 1; }
    keys+=("$f1"); captions+=("$f2"); spoken+=("${f3:-$f2}")
  done <"$src"

  case "$format" in vtt|srt) ;; *) echo "$src: @format must be vtt or srt" >&2; return 1 ;; esac

  local tmp="$tmproot/$name"
  mkdir -p "$tmp"

  silence "$tmp/lead.wav" "$lead"
  silence "$tmp/gap.wav" "$gap"
  silence "$tmp/tail.wav" "$tail"
  local gap_n; gap_n="$(soxi -s "$tmp/gap.wav")"

  local parts=("$tmp/lead.wav") pos; pos="$(soxi -s "$tmp/lead.wav")"
  local sidecar="$tmp/sidecar" sep
  if [[ "$format" == vtt ]]; then sep="."; printf 'WEBVTT\n' >"$sidecar"
  else sep=","; : >"$sidecar"; fi

  local i n start end
  for i in "${!keys[@]}"; do
    espeak-ng -v "${voice[${keys[$i]}]}" -s "$speed" -w "$tmp/raw$i.wav" -- "${spoken[$i]}"
    # Trim silence at both ends, normalise, then convert to 8 kHz mono s16.
    sox -R "$tmp/raw$i.wav" -r "$RATE" -c 1 -b 16 -e signed-integer "$tmp/cue$i.wav" \
      silence 1 0.01 0.2% reverse silence 1 0.01 0.2% reverse gain -n -1
    n="$(soxi -s "$tmp/cue$i.wav")"
    start="$(ms_stamp "$pos" "$sep")"; end="$(ms_stamp $((pos + n)) "$sep")"
    if [[ "$format" == vtt ]]; then
      printf '\n%d\n%s --> %s\n<v %s>%s</v>\n' $((i + 1)) "$start" "$end" \
        "${label[${keys[$i]}]}" "${captions[$i]}" >>"$sidecar"
    else
      [[ $i -gt 0 ]] && printf '\n' >>"$sidecar"
      printf '%d\n%s --> %s\n%s: %s\n' $((i + 1)) "$start" "$end" \
        "${label[${keys[$i]}]}" "${captions[$i]}" >>"$sidecar"
    fi
    parts+=("$tmp/cue$i.wav")
    pos=$((pos + n))
    if [[ $i -lt $((${#keys[@]} - 1)) ]]; then parts+=("$tmp/gap.wav"); pos=$((pos + gap_n)); fi
  done
  parts+=("$tmp/tail.wav")

  sox -R "${parts[@]}" -r "$RATE" -c 1 -b 16 -e signed-integer "$outdir/$name.wav"
  cp "$sidecar" "$outdir/$name.$format"
  printf '%s: %s s, %s bytes, %d cues -> %s.wav, %s.%s\n' "$name" \
    "$(soxi -D "$outdir/$name.wav")" "$(stat -c %s "$outdir/$name.wav")" \
    "${#keys[@]}" "$name" "$name" "$format"
}

if [[ $# -eq 0 ]]; then
  set --
  for f in "$here"/*.dialogue; do set -- "$@" "$(basename "$f" .dialogue)"; done
fi
for name in "$@"; do gen_one "$name"; done
