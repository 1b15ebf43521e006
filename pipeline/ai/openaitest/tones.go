package openaitest

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math"
	"strings"
	"time"
)

// The test server cannot recognize speech, so its recordings speak in
// tones: each word of Vocabulary is a 300 ms sine at its own frequency,
// words are 100 ms apart, utterances 800 ms apart, and a speaker is heard
// at their own loudness. SynthWAV writes such a recording; the server's
// recognizer (recognize) decodes any stretch of it — a whole file or a
// chunk cut anywhere — back into words and segments with times, the way
// an ASR model would. It is a simulation: deterministic, content-free
// audio whose transcript is known exactly, so tests can check splitting,
// stitching and timestamps end to end.

// Vocabulary is what the simulated recordings can say.
var Vocabulary = strings.Fields(`
i have had a cough for two weeks and it is worse at night
no fever chills or chest pain but my throat feels sore
your blood pressure temperature oxygen lungs sound clear today
we will start ibuprofen 400 mg twice daily with food
come back in one week if you are not better call us
this looks like a viral infection most likely bronchitis
the exam shows mild swelling plan to recheck`)

const (
	synthRate   = 16000
	toneMS      = 300
	wordGapMS   = 100
	uttGapMS    = 800
	baseFreq    = 300.0
	freqStep    = 20.0
	loudAmp     = 0.5  // speaker A
	quietAmp    = 0.22 // speaker B
	voicedRMS   = 0.03
	minWordMS   = 120
	segmentGap  = 400 // ms of silence that ends an utterance
	frameMS     = 10
	frameFrames = synthRate * frameMS / 1000
)

var wordIndex = func() map[string]int {
	m := map[string]int{}
	for i, w := range Vocabulary {
		if _, dup := m[w]; !dup {
			m[w] = i
		}
	}
	return m
}()

func freqOf(i int) float64 { return baseFreq + freqStep*float64(i) }

// Utterance is one speaker's turn.
type Utterance struct {
	Speaker int // 0 (speaker A) or 1 (speaker B)
	Words   []string
}

// Say makes an utterance from a sentence of Vocabulary words.
func Say(speaker int, sentence string) Utterance {
	return Utterance{Speaker: speaker, Words: strings.Fields(strings.ToLower(sentence))}
}

// Expected is a segment a perfect recognizer returns for a synthesized
// recording.
type Expected struct {
	StartMS, EndMS int64
	Speaker        string // "A" or "B"
	Text           string
}

// SynthOptions shape a synthesized recording.
type SynthOptions struct {
	LeadSilence  time.Duration // before the first word
	TrailSilence time.Duration // after the last
}

// SynthWAV writes utts as a 16 kHz mono 16-bit WAV and returns it with
// the segments it holds. Words not in Vocabulary panic.
func SynthWAV(utts []Utterance, opts SynthOptions) ([]byte, []Expected) {
	var n int64
	n += ms2f(opts.LeadSilence.Milliseconds())
	for _, u := range utts {
		n += int64(len(u.Words))*ms2f(toneMS+wordGapMS) - ms2f(wordGapMS) + ms2f(uttGapMS)
	}
	n += ms2f(opts.TrailSilence.Milliseconds())
	pcm := make([]byte, n*2)
	var exp []Expected
	pos := ms2f(opts.LeadSilence.Milliseconds())
	tone := ms2f(toneMS)
	for _, u := range utts {
		amp := loudAmp
		speaker := "A"
		if u.Speaker == 1 {
			amp, speaker = quietAmp, "B"
		}
		start := pos
		for i, w := range u.Words {
			k, ok := wordIndex[w]
			if !ok {
				panic(fmt.Sprintf("openaitest: %q is not in Vocabulary", w))
			}
			step := 2 * math.Pi * freqOf(k) / synthRate
			for j := int64(0); j < tone; j++ {
				// A short fade keeps the edges clean, as speech has.
				env := min(1, float64(j)/80, float64(tone-j)/80)
				v := int16(amp * env * math.Sin(step*float64(j)) * 32767)
				binary.LittleEndian.PutUint16(pcm[(pos+j)*2:], uint16(v))
			}
			pos += tone
			if i < len(u.Words)-1 {
				pos += ms2f(wordGapMS)
			}
		}
		exp = append(exp, Expected{StartMS: f2ms(start), EndMS: f2ms(pos), Speaker: speaker, Text: sentence(u.Words)})
		pos += ms2f(uttGapMS)
	}
	return wavBytes(pcm), exp
}

// Script returns a deterministic dialogue of about d: utterances of 4 to
// 12 words, alternating speakers.
func Script(d time.Duration) []Utterance {
	var utts []Utterance
	var total int64
	seed := uint32(7)
	for total < d.Milliseconds() {
		seed = seed*1664525 + 1013904223
		n := 4 + int(seed>>24)%9
		words := make([]string, n)
		for i := range words {
			seed = seed*1664525 + 1013904223
			words[i] = Vocabulary[int(seed>>16)%len(Vocabulary)]
		}
		utts = append(utts, Utterance{Speaker: len(utts) % 2, Words: words})
		total += int64(n)*(toneMS+wordGapMS) - wordGapMS + uttGapMS
	}
	return utts
}

// Silence returns d of digital silence as a WAV.
func Silence(d time.Duration) []byte {
	return wavBytes(make([]byte, ms2f(d.Milliseconds())*2))
}

func sentence(words []string) string {
	s := strings.Join(words, " ")
	return strings.ToUpper(s[:1]) + s[1:] + "."
}

func ms2f(ms int64) int64 { return ms * synthRate / 1000 }
func f2ms(f int64) int64  { return f * 1000 / synthRate }

func wavBytes(pcm []byte) []byte {
	var b bytes.Buffer
	b.Grow(44 + len(pcm))
	b.WriteString("RIFF")
	binary.Write(&b, binary.LittleEndian, uint32(36+len(pcm)))
	b.WriteString("WAVEfmt ")
	binary.Write(&b, binary.LittleEndian, uint32(16))
	binary.Write(&b, binary.LittleEndian, uint16(1))
	binary.Write(&b, binary.LittleEndian, uint16(1))
	binary.Write(&b, binary.LittleEndian, uint32(synthRate))
	binary.Write(&b, binary.LittleEndian, uint32(synthRate*2))
	binary.Write(&b, binary.LittleEndian, uint16(2))
	binary.Write(&b, binary.LittleEndian, uint16(16))
	b.WriteString("data")
	binary.Write(&b, binary.LittleEndian, uint32(len(pcm)))
	b.Write(pcm)
	return b.Bytes()
}

// recognized is one decoded segment, times relative to the file.
type recognized struct {
	startMS, endMS int64
	words          []string
	speaker        string
}

// recognize decodes tone speech from 16-bit PCM samples (first channel of
// frames of frameSize bytes) at rate Hz.
func recognize(pcm []byte, rate, frameSize int) []recognized {
	n := len(pcm) / frameSize
	sample := func(i int) float64 {
		return float64(int16(binary.LittleEndian.Uint16(pcm[i*frameSize:]))) / 32768
	}
	win := rate * frameMS / 1000
	type run struct{ from, to int } // samples
	var runs []run
	in := false
	var cur run
	for w := 0; w+win <= n; w += win {
		var e float64
		for i := w; i < w+win; i++ {
			v := sample(i)
			e += v * v
		}
		voiced := math.Sqrt(e/float64(win)) > voicedRMS
		switch {
		case voiced && !in:
			cur, in = run{from: w}, true
		case !voiced && in:
			cur.to, in = w, false
			runs = append(runs, cur)
		}
	}
	if in {
		cur.to = n - n%win
		runs = append(runs, cur)
	}
	var out []recognized
	lastEnd := -1 << 30
	for _, r := range runs {
		if (r.to-r.from)*1000/rate < minWordMS {
			continue // a clipped fragment: not heard as a word
		}
		// Frequency from the spacing of zero crossings (first to last), so
		// a run's frame-quantized edges do not skew it.
		crossings, sumAbs := 0, 0.0
		firstX, lastX := -1, -1
		prev := sample(r.from)
		for i := r.from + 1; i < r.to; i++ {
			v := sample(i)
			if (prev < 0) != (v < 0) {
				crossings++
				if firstX < 0 {
					firstX = i
				}
				lastX = i
			}
			prev = v
			sumAbs += math.Abs(v)
		}
		freq := 0.0
		if crossings > 1 && lastX > firstX {
			freq = float64(crossings-1) / (2 * float64(lastX-firstX) / float64(rate))
		}
		k := int(math.Round((freq - baseFreq) / freqStep))
		word := "[inaudible]"
		if k >= 0 && k < len(Vocabulary) {
			word = Vocabulary[k]
		}
		speaker := "B"
		if sumAbs/float64(r.to-r.from) > (loudAmp+quietAmp)/2*2/math.Pi {
			speaker = "A"
		}
		startMS, endMS := int64(r.from)*1000/int64(rate), int64(r.to)*1000/int64(rate)
		if len(out) > 0 && int(startMS)-lastEnd < segmentGap && out[len(out)-1].speaker == speaker {
			last := &out[len(out)-1]
			last.words = append(last.words, word)
			last.endMS = endMS
		} else {
			out = append(out, recognized{startMS: startMS, endMS: endMS, words: []string{word}, speaker: speaker})
		}
		lastEnd = int(endMS)
	}
	return out
}
