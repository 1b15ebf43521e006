package phi_test

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"strings"
	"testing"

	"github.com/clinscribe/clinscribe/pipeline/phi"
)

func ExampleText() {
	name := phi.Text("Zelda Quixote")
	fmt.Println(name)
	fmt.Printf("%v %#v\n", name, name)
	// Output:
	// [PHI redacted, 13 bytes]
	// [PHI redacted, 13 bytes] [PHI redacted, 13 bytes]
}

func ExampleNewLogHandler() {
	log := slog.New(phi.NewLogHandler(slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{
		ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey {
				return slog.Attr{}
			}
			return a
		},
	})))
	log.Info("stage done",
		"encounter_id", "enc_abc", // allowlisted: kept
		"patient_name", "Zelda Quixote", // not allowlisted: redacted
		"note", phi.Text("MRN 99887766"), // PHI type: redacted
		"error", fmt.Errorf("parse %q: bad", "Zelda"), // foreign error: reduced to its types
		"attempt", 2)
	// Output:
	// level=INFO msg="stage done" encounter_id=enc_abc patient_name="[redacted 13 bytes]" note="[redacted 24 bytes]" error="internal: unclassified error (*errors.errorString)" attempt=2
}

func TestSafe(t *testing.T) {
	t.Parallel()
	cause := &fs.PathError{Op: "open", Path: "/notes/Zelda Quixote.txt", Err: fs.ErrNotExist}
	safe := phi.Safe(fmt.Errorf("reading: %w", cause))
	if strings.Contains(safe.Error(), "Zelda") {
		t.Fatalf("Safe kept content: %q", safe.Error())
	}
	if !errors.Is(safe, fs.ErrNotExist) {
		t.Fatal("Safe lost the cause for errors.Is")
	}
	pe := phi.Permanentf(phi.CodeNotUTF8, "note is not valid UTF-8 text")
	if got := phi.Safe(fmt.Errorf("submit: %w", pe)); got != pe || !phi.IsPermanent(got) {
		t.Fatalf("Safe changed a phi.Error: %v", got)
	}
	w := phi.Wrap(errors.New("Zelda's note"), phi.CodeStorage, "note could not be stored")
	if strings.Contains(w.Error(), "Zelda") || phi.CodeOf(w) != phi.CodeStorage {
		t.Fatalf("Wrap = %q", w.Error())
	}
}

func TestLogHandlerGroupsAndWith(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	log := slog.New(phi.NewLogHandler(slog.NewJSONHandler(&buf, nil)))
	log.With("subject", "Zelda Quixote").WithGroup("g").Info("x", slog.Group("inner", "name", "Quixote", "task_id", "t1"), "obj", struct{ Name string }{"Zelda"})
	out := buf.String()
	for _, leak := range []string{"Zelda", "Quixote"} {
		if strings.Contains(out, leak) {
			t.Fatalf("log leaked %q: %s", leak, out)
		}
	}
	if !strings.Contains(out, `"task_id":"t1"`) {
		t.Fatalf("allowlisted key lost: %s", out)
	}
}
