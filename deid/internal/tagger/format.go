package tagger

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
)

// Weights file layout (little endian):
//
//	"CSTG"            magic
//	u8 version (1), u8 bits, u8 labels (5), u8 reserved (0)
//	u32 scale
//	runs until the table is full:
//	  uvarint zeros   a run of zero weights
//	  uvarint n       then n weights, int16 each
//	u32 CRC-32 (IEEE) of everything before it
//
// Zero runs matter: most buckets of a rare feature hold zeros for most
// labels, and quantization rounds small averages to zero.

const (
	magic         = "CSTG"
	formatVersion = 1
)

// ErrFormat wraps every error about a malformed weights file.
var ErrFormat = errors.New("tagger: malformed weights")

// MarshalBinary encodes the model in the weights file format.
func (m *Model) MarshalBinary() ([]byte, error) {
	b := make([]byte, 0, 64+len(m.w))
	b = append(b, magic...)
	b = append(b, formatVersion, m.bits, byte(NumLabels), 0)
	b = binary.LittleEndian.AppendUint32(b, uint32(m.scale))
	for k := 0; k < len(m.w); {
		z := k
		for z < len(m.w) && m.w[z] == 0 {
			z++
		}
		e := z
		// A nonzero run ends at two zeros in a row (one zero is cheaper
		// inline than a new run header).
		for e < len(m.w) && (m.w[e] != 0 || e+1 < len(m.w) && m.w[e+1] != 0) {
			e++
		}
		b = binary.AppendUvarint(b, uint64(z-k))
		b = binary.AppendUvarint(b, uint64(e-z))
		for _, v := range m.w[z:e] {
			b = binary.LittleEndian.AppendUint16(b, uint16(v))
		}
		k = e
	}
	return binary.LittleEndian.AppendUint32(b, crc32.ChecksumIEEE(b)), nil
}

// Load decodes a weights file written by MarshalBinary.
func Load(b []byte) (*Model, error) {
	if len(b) < 16 || string(b[:4]) != magic {
		return nil, fmt.Errorf("%w: no header", ErrFormat)
	}
	body, sum := b[:len(b)-4], binary.LittleEndian.Uint32(b[len(b)-4:])
	if crc32.ChecksumIEEE(body) != sum {
		return nil, fmt.Errorf("%w: checksum mismatch", ErrFormat)
	}
	if body[4] != formatVersion {
		return nil, fmt.Errorf("%w: version %d, want %d", ErrFormat, body[4], formatVersion)
	}
	bits, labels := body[5], body[6]
	if bits < 8 || bits > 24 || labels != byte(NumLabels) {
		return nil, fmt.Errorf("%w: %d bits, %d labels", ErrFormat, bits, labels)
	}
	m := &Model{bits: bits, scale: int32(binary.LittleEndian.Uint32(body[8:12])), w: make([]int16, (1<<bits)*int(NumLabels))}
	if m.scale < 1 {
		return nil, fmt.Errorf("%w: scale %d", ErrFormat, m.scale)
	}
	p := body[12:]
	k := 0
	for k < len(m.w) {
		z, n1 := binary.Uvarint(p)
		if n1 <= 0 {
			return nil, fmt.Errorf("%w: truncated run at weight %d", ErrFormat, k)
		}
		n, n2 := binary.Uvarint(p[n1:])
		if n2 <= 0 {
			return nil, fmt.Errorf("%w: truncated run at weight %d", ErrFormat, k)
		}
		p = p[n1+n2:]
		if z > uint64(len(m.w)-k) || n > uint64(len(m.w)-k)-z || uint64(len(p)) < 2*n {
			return nil, fmt.Errorf("%w: run past the table at weight %d", ErrFormat, k)
		}
		k += int(z)
		for j := range int(n) {
			m.w[k+j] = int16(binary.LittleEndian.Uint16(p[2*j:]))
		}
		k += int(n)
		p = p[2*n:]
	}
	if len(p) != 0 {
		return nil, fmt.Errorf("%w: %d bytes after the table", ErrFormat, len(p))
	}
	return m, nil
}
