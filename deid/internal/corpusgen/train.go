package corpusgen

// TrainingDocs is the size of the tagger's training corpus.
const TrainingDocs = 4000

// Training returns the corpus the name and place tagger is trained on
// (make train-deid): the "train" split, written for the tagger (see
// trainTemplates) and mixed with the dev templates on pools of its own. It
// is generated, never committed: the generator is deterministic, so the
// same code always gives the same documents.
func Training() []Doc {
	return Generate("train", TrainingDocs)
}
