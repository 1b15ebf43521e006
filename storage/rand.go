package storage

import "crypto/rand"

// randomBytes returns n bytes from the operating system's CSPRNG. Since Go
// 1.24 crypto/rand.Read never fails (it crashes the program instead), so
// there is no error to handle.
func randomBytes(n int) []byte {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return b
}
