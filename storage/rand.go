package storage

import (
	"crypto/rand"
	"encoding/hex"
)

// randomBytes returns n bytes from the operating system's CSPRNG. Since Go
// 1.24 crypto/rand.Read never fails (it crashes the program instead), so
// there is no error to handle.
func randomBytes(n int) []byte {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return b
}

// randomHex is 16 random hex digits, for hidden names nobody else picks.
func randomHex() string {
	var b [8]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}
