// Package stitch turns the transcripts of a recording's chunks back into
// one transcript: times offset by each chunk's start, the words heard
// twice in the overlap between chunks kept once, timestamps monotonic,
// and the phrases speech models are known to invent on silence removed.
//
// Chunks overlap (audio.SplitOptions.Overlap) so that a word cut at a
// seam is heard whole by one of them. The cost is that both transcripts
// hold the words of the overlap. Stitch finds them by aligning the end of
// one chunk's words with the start of the next (the longest run of equal
// words, allowing the next chunk to open on a clipped word it misheard)
// and drops them from the later chunk; without such a run it falls back
// to time, dropping later-chunk segments that lie inside audio the
// earlier chunk already transcribed.
package stitch

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/clinscribe/clinscribe/pipeline/encounter"
)

// Seg is one segment as a provider returned it, with times relative to
// the start of its chunk.
type Seg struct {
	StartMS, EndMS int64
	Text           string
	Speaker        string
	// Scores, when the model gives them (Whisper's verbose_json).
	Scored           bool
	AvgLogprob       float64
	NoSpeechProb     float64
	CompressionRatio float64
}

// Piece is one chunk's transcript.
type Piece struct {
	// StartMS and EndMS place the chunk in the recording.
	StartMS, EndMS int64
	Segments       []Seg
}

type absSeg struct {
	start, end int64
	words      []string
	speaker    string
}

// Stitch joins the pieces (in recording order) into segments with IDs
// seg-0001, seg-0002, ... . Hallucinated phrases are removed first
// (Clean).
func Stitch(pieces []Piece) []encounter.Segment {
	var out []absSeg
	prevEnd := int64(-1) // end of the audio the previous chunk covered
	for pi, p := range pieces {
		segs := Clean(p.Segments, p.EndMS-p.StartMS)
		var cur []absSeg
		for _, s := range segs {
			w := strings.Fields(s.Text)
			if len(w) == 0 {
				continue
			}
			cur = append(cur, absSeg{start: p.StartMS + s.StartMS, end: p.StartMS + max(s.EndMS, s.StartMS), words: w, speaker: s.Speaker})
		}
		if pi > 0 && prevEnd > p.StartMS && len(out) > 0 && len(cur) > 0 {
			// Words of the earlier chunk inside the overlap, and of this
			// chunk's segments that start inside it.
			var tail []string
			for i := len(out) - 1; i >= 0 && out[i].end > p.StartMS; i-- {
				tail = append(append([]string(nil), out[i].words...), tail...)
			}
			var head []string
			for _, s := range cur {
				if s.start >= prevEnd {
					break
				}
				head = append(head, s.words...)
			}
			drop := alignOverlap(tail, head)
			if drop > 0 {
				relabel(cur, out[len(out)-1].speaker)
			}
			if drop == 0 {
				// No words in common: drop this chunk's segments that lie
				// wholly inside audio the earlier chunk transcribed, when
				// that chunk heard speech there.
				if len(tail) > 0 {
					for len(cur) > 0 && cur[0].end <= prevEnd {
						cur = cur[1:]
					}
				}
			}
			for drop > 0 && len(cur) > 0 {
				if drop >= len(cur[0].words) {
					drop -= len(cur[0].words)
					cur = cur[1:]
					continue
				}
				cur[0].words = cur[0].words[drop:]
				drop = 0
			}
		}
		out = append(out, cur...)
		prevEnd = p.EndMS
	}
	segs := make([]encounter.Segment, 0, len(out))
	last := int64(0)
	for _, s := range out {
		start := max(s.start, last)
		end := max(s.end, start)
		segs = append(segs, encounter.Segment{
			ID: encounter.SegmentID(len(segs) + 1), StartMS: start, EndMS: end,
			Speaker: s.speaker, Text: strings.Join(s.words, " "),
		})
		last = start
	}
	return segs
}

// relabel makes a chunk's speaker labels agree with the earlier chunk's.
// Diarizing models label speakers per request, in order of appearance, so
// "A" in one chunk may be "B" in the next. The words both chunks heard at
// the seam were said by one person: if the later chunk calls that person
// otherwise, its labels are swapped to match. Best effort: with no words
// in the overlap there is nothing to match on.
func relabel(cur []absSeg, earlier string) {
	later := cur[0].speaker
	if earlier == "" || later == "" || earlier == later {
		return
	}
	for i := range cur {
		switch cur[i].speaker {
		case later:
			cur[i].speaker = earlier
		case earlier:
			cur[i].speaker = later
		}
	}
}

// alignOverlap returns how many of head's leading words repeat tail's
// trailing ones: the longest k with tail's last k words equal to head's
// words from position off (off 0, or 1 when head opens on a clipped word
// the model misheard) — then off+k. Runs of one word count only when the
// overlap holds little else, so a common word ("the") does not align by
// chance.
func alignOverlap(tail, head []string) int {
	if len(tail) == 0 || len(head) == 0 {
		return 0
	}
	nt := make([]string, len(tail))
	for i, w := range tail {
		nt[i] = norm(w)
	}
	nh := make([]string, len(head))
	for i, w := range head {
		nh[i] = norm(w)
	}
	best, bestOff := 0, 0
	for off := 0; off <= 1 && off < len(nh); off++ {
		for k := min(len(nt), len(nh)-off); k > best; k-- {
			if equal(nt[len(nt)-k:], nh[off:off+k]) {
				best, bestOff = k, off
				break
			}
		}
	}
	if best == 0 || (best == 1 && len(nh) > 3 && len(nt) > 3) {
		return 0
	}
	return bestOff + best
}

func equal(a, b []string) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func norm(w string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return unicode.ToLower(r)
		}
		return -1
	}, w)
}

// Hallucinations are phrases speech models (Whisper above all) are known
// to produce from silence, music or noise — mostly the closing lines of
// the subtitled videos they were trained on. Matched against a segment's
// whole text, ignoring case and punctuation.
var Hallucinations = []string{
	"thank you for watching",
	"thanks for watching",
	"thank you so much for watching",
	"thank you very much for watching",
	"thanks for watching and see you next time",
	"please subscribe",
	"please like and subscribe",
	"like and subscribe",
	"dont forget to like and subscribe",
	"subscribe to my channel",
	"thanks for listening",
	"thank you for listening",
	"see you next time",
	"see you in the next video",
	"subtitles by the amaraorg community",
	"subtitles by the amara org community",
	"subtitles by",
	"subtitles made by the community of amaraorg",
	"transcribed by",
	"transcription by castingwords",
	"amaraorg",
	"you",
	"bye",
	"thank you",
	"thanks",
	"so",
	"okay",
	"music",
	"applause",
	"silence",
	"blankaudio",
	"inaudible",
	"foreign",
}

// videoOutros are hallucinations no clinical encounter plausibly contains:
// removed at the end of a chunk even when the model gives no scores.
var videoOutros = map[string]bool{}

// common closings are removed only when the scores say the model heard
// no speech, since patients do say them.
var hallucinationSet = map[string]bool{}

func init() {
	common := map[string]bool{"you": true, "bye": true, "thank you": true, "thanks": true, "so": true, "okay": true}
	for _, h := range Hallucinations {
		k := strings.Join(strings.Fields(h), " ")
		hallucinationSet[k] = true
		if !common[k] {
			videoOutros[k] = true
		}
	}
}

var nonWord = regexp.MustCompile(`[^\p{L}\p{N}]+`)

func phraseKey(s string) string {
	// "Amara.org" and "[BLANK_AUDIO]" normalize like the list above.
	s = strings.ToLower(s)
	s = strings.NewReplacer(".", "", "_", "", "'", "", "’", "").Replace(s)
	return strings.TrimSpace(nonWord.ReplaceAllString(s, " "))
}

// Thresholds Whisper itself uses to call a segment silence or garbage.
const (
	suspectNoSpeechProb = 0.6
	suspectAvgLogprob   = -1.0
	suspectCompression  = 2.4
	// tailWindowMS: a phrase starting this close to a chunk's end counts
	// as "at the end".
	tailWindowMS = 5_000
)

// Clean removes hallucinated segments from one chunk's transcript (its
// length durMS): a segment whose whole text is a known hallucination is
// removed when the model's scores mark it as likely silence (high
// no-speech probability, low average log-probability or a repetitive
// compression ratio), or — for the video outros no encounter contains —
// when it is unscored and at the end of the chunk. Everything else is
// kept: "thank you" said by a patient, with good scores, stays.
func Clean(segs []Seg, durMS int64) []Seg {
	out := segs[:0:0]
	for _, s := range segs {
		if isHallucination(s, durMS) {
			continue
		}
		out = append(out, s)
	}
	return out
}

func isHallucination(s Seg, durMS int64) bool {
	k := phraseKey(s.Text)
	if k == "" {
		return true // nothing but punctuation or symbols ("♪", "...")
	}
	if !hallucinationSet[k] {
		return false
	}
	if s.Scored {
		return s.NoSpeechProb >= suspectNoSpeechProb || s.AvgLogprob <= suspectAvgLogprob || s.CompressionRatio >= suspectCompression
	}
	return videoOutros[k] && durMS-s.StartMS <= tailWindowMS
}
