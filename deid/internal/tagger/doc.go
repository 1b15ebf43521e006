// Package tagger is a learned sequence tagger for person names and places:
// word tokens in, one label per token out (BIO: O, B-NAME, I-NAME, B-LOC,
// I-LOC). It knows nothing about deid's rules or word lists: the caller
// hands it plain Token values whose lexicon classes (Lex), rule outputs
// (Rule) and position cues (Cue) it has already worked out, and turns the
// labels back into spans.
//
// # Model
//
// An averaged perceptron (Collins 2002; Freund and Schapire 1999) over
// hashed sparse features, decoded greedily left to right with the previous
// label as a feature (the design of Honnibal's "A good part-of-speech tagger
// in about 200 lines" and of early spaCy NER). TrainConfig.Orders trains the
// same examples in several visiting orders and averages the averaged
// weights (a small ensemble, still integer arithmetic): the model depends
// less on the order, so a small change to the rules or the corpus moves its
// output less. Chosen over a linear-chain CRF because:
//
//   - training is integer arithmetic only (weights move by ±1, averages are
//     integer totals divided once at the end), so the same corpus gives the
//     same bytes on every machine and Go version: `make train-deid` from a
//     clean clone reproduces the embedded weights exactly, with no
//     tolerance. A CRF needs floating-point gradient optimization (L-BFGS
//     or SGD), whose results depend on summation order and fused
//     multiply-add;
//   - decoding is one table lookup per feature and label plus an argmax, with
//     no lattice and no exponentials, which is what keeps the detector above
//     20 MB/s per core with the tagger on;
//   - on the few hundred thousand training tokens the project generates, a
//     CRF's calibrated probabilities buy little over the perceptron's score
//     margin, which serves as the confidence (Tag's minMargin).
//
// Greedy decoding lets features look at the label just chosen (a
// capitalized word after a B-NAME is likely I-NAME); the BIO constraint
// (I-X only after B-X or I-X) is enforced while decoding.
//
// # Features
//
// For each token the tagger scores (a candidate: see below): the lower-case
// word, its first and last three letters, its shape (case pattern and
// length), its lexicon classes (each class alone and the whole set, alone
// and with the shape), the lower-case words and lexicon classes of two
// neighbours on each side (a line break ends the window), what the rules
// found on the neighbours, the punctuation touching the word, the position
// cues (line start, sentence start, after a title, a relation word, a place
// preposition or a greeting, after a speaker tag, a lower-case document),
// combinations of cues with shape and lexicon classes, and the previous
// label, alone and with the shape. Features are hashed (SplitMix64 of a
// template number and a value) into a fixed table of 2^Bits buckets, each
// holding one int16 weight per label.
//
// Only candidates are scored (Candidate says which: words the rules left
// alone that may be a name or place going by their case, lexicon classes
// and position); ordinary words and words the rules already labelled are
// not (rule-labelled words take their label from the rules, which also
// feeds the previous-label feature of the next word), and a caller may
// leave out words far from any candidate (CueGap). This keeps the tagger
// to a small share of the detector's time.
//
// # Weights
//
// MarshalBinary writes a small header (magic "CSTG", format version, table
// bits, quantization scale, label count) and the table in little-endian
// int16, zero runs compressed (see format.go). Averaged weights are
// quantized by one power-of-two scale chosen so the largest fits int16;
// rounding is integer arithmetic, so quantization is reproducible too.
package tagger
