package phi

import (
	"fmt"
	"log/slog"
)

// Text is a string that holds or may hold PHI. It prints, formats and logs
// as a redaction with its length; call Reveal to get the content.
type Text string

// Reveal returns the content. Call it only where the content is meant to
// go: to encrypted storage or through the AI gateway.
func (t Text) Reveal() string { return string(t) }

// String implements fmt.Stringer with a redaction.
func (t Text) String() string { return fmt.Sprintf("[PHI redacted, %d bytes]", len(t)) }

// GoString implements fmt.GoStringer, so %#v redacts too.
func (t Text) GoString() string { return t.String() }

// LogValue implements slog.LogValuer.
func (t Text) LogValue() slog.Value { return slog.StringValue(t.String()) }
