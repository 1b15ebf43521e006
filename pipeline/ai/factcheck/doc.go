// Package factcheck checks, deterministically and without a model, that the
// facts of each draft sentence are in the source segments it cites: numbers
// with their units, doses and how often they are taken, medicine names,
// laterality, negation and time expressions. A sentence whose fact is not
// there is flagged encounter.FlagFactMismatch, with a Mismatch for each fact
// saying what the sentence says and, when the source says something of the
// same kind, what the source says instead. Sentences are flagged, never
// changed or removed: the clinician decides.
//
// The rules, each simple on purpose so that a reviewer can predict them:
//
//   - Text is compared after spoken numbers are written as digits
//     (package spoken: "one twenty over eighty" is 120/80, "five hundred
//     milligrams" 500 mg), "N out of 10" as N/10, and frequencies as counts
//     ("twice", "BID", "two times" are all 2 times).
//   - Numbers: every number of the sentence (list markers like "1." aside)
//     must appear in the cited text with the same value and a compatible
//     unit (the same unit, or no unit on one side). A number with a drug
//     unit or a frequency is a dose; one with a time unit is a time; others
//     are numbers.
//   - Medicines (an embedded list of generic and brand names; a brand and
//     its generic are the same medicine) must be named in the cited text.
//   - Laterality (left, right, both sides; L/R/b/l in notes), read only
//     next to a body part or "side" so "that's right" is not a side: the
//     cited text must state the same side, and for the same body part when
//     it names sides for several.
//   - Negation: a word inside a negation's scope ("no", "not", "denies",
//     "without", "negative for", "-n't", up to the end of the clause) is
//     absent, elsewhere present. A word the sentence asserts present that
//     the cited text only has as absent, or the reverse, is a mismatch; so
//     are positive/negative and normal/abnormal swapped. Questions assert
//     nothing by themselves; a short answer gives the question's words its
//     polarity ("Any chest pain?" / "No." entails "denies chest pain"), and
//     the question before a cited answer (or the answer after a cited
//     question) is read with it.
//   - Time expressions (yesterday, today, last night, this morning, at
//     night, weekdays, months, last week...) must appear in the cited text.
//
// What it cannot see: a paraphrase that changes meaning without changing
// one of these facts, a fact stated in a segment the sentence does not
// cite, and errors in the source itself. Unsupported wording in general is
// the evidence check's job (pipeline/ai.CheckEvidence).
package factcheck
