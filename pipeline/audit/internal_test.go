package audit

// ForgeRecordForTest encodes a record as a writer would, for tests that
// play an attacker who knows the format.
func ForgeRecordForTest(chain string, seq uint64, prev string, entry []byte) []byte {
	line, _, err := encodeRecord(chain, seq, prev, entry)
	if err != nil {
		panic(err)
	}
	return line
}
