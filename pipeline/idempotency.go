package pipeline

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"

	"github.com/clinscribe/clinscribe/pipeline/encounter"
)

// requestHash fingerprints what a submission asks for: its metadata and
// its note or sidecar bytes. A recording is streamed, so its bytes are not
// part of it; a retry is trusted to send the same recording.
func requestHash(req *SubmitRequest, kind encounter.Kind) string {
	h := sha256.New()
	field := func(b []byte) {
		var n [8]byte
		binary.BigEndian.PutUint64(n[:], uint64(len(b)))
		h.Write(n[:])
		h.Write(b)
	}
	subj, _ := json.Marshal(req.Subject)
	for _, f := range [][]byte{[]byte(kind), []byte(req.Template), []byte(req.ProviderID), subj,
		[]byte(req.NoteContentType), req.Note, []byte(req.AudioContentType), []byte(req.SidecarContentType), req.Sidecar} {
		field(f)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// pruneAttempts removes inputs of earlier attempts of a submission that
// its committed Meta does not name.
func (p *Pipeline) pruneAttempts(ctx context.Context, meta *encounter.Meta) {
	keys, err := p.vault.List(ctx, encounter.InputPrefix(meta.ID))
	if err != nil {
		p.log.Warn("inputs of earlier attempts not pruned", "encounter_id", meta.ID, "error", err)
		return
	}
	named := map[string]bool{}
	for _, in := range meta.Inputs {
		named[in.Key] = true
	}
	for _, k := range keys {
		if !named[k] {
			if err := p.vault.Delete(ctx, k); err != nil {
				p.log.Warn("input of an earlier attempt not pruned", "encounter_id", meta.ID, "error", err)
			}
		}
	}
}
