package audit_test

import (
	"context"
	"crypto/ed25519"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/clinscribe/clinscribe/pipeline/audit"
)

// A Trail on a local directory: entries are durable when Log returns, and
// Verify checks the chains against the signed checkpoints.
func Example() {
	dir, _ := os.MkdirTemp("", "audit-example")
	defer os.RemoveAll(dir)
	signer, _ := audit.LoadSigner(filepath.Join(dir, "keys", "audit-signing.key"), true)
	store, _ := audit.NewFileStore(filepath.Join(dir, "trail"))
	trail, _ := audit.NewTrail(store, signer, audit.TrailConfig{Writer: "worker-1"})
	log := audit.NewLogger(trail, "clinscribe", "worker-1", nil)

	err := log.Log(context.Background(), audit.Entry{
		Event: audit.EventView, Actor: "dr-okafor", Role: "clinician",
		PatientRef: "pt_3c7cr3evposmty7ixvp4pg4l", EncounterID: "enc_example", Version: 1, Result: "ok",
	})
	fmt.Println("logged:", err)
	fmt.Println("free text refused:", log.Log(context.Background(), audit.Entry{
		Event: audit.EventView, Actor: "Lena Okafor", Role: "clinician", Time: time.Now(),
	}) != nil)
	log.Close() // signs the final head (registration, first record, close: 3 checkpoints)

	r, _ := audit.OpenFileReader(filepath.Join(dir, "trail"))
	rep, _ := audit.Verify(context.Background(), r, audit.VerifyOptions{Keys: []ed25519.PublicKey{signer.PublicKey()}})
	fmt.Printf("verified: %v, %d entry, %d checkpoints\n", rep.OK(), rep.Records, rep.Checkpoints)
	// Output:
	// logged: <nil>
	// free text refused: true
	// verified: true, 1 entry, 3 checkpoints
}
