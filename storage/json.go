package storage

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
)

// PutJSON stores v, encoded as JSON, under key. Records are small: the
// whole encoding is held in memory.
func PutJSON(ctx context.Context, bs Blobstore, key string, v any, mode WriteMode) error {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("storage.PutJSON: %w", err)
	}
	return bs.Put(ctx, key, bytes.NewReader(b), mode)
}

// GetJSON decodes the JSON record under key into v. A missing object is
// ErrNotFound, as from Get.
func GetJSON(ctx context.Context, bs Blobstore, key string, v any) error {
	b, err := ReadAll(ctx, bs, key)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("storage.GetJSON: decode %s: %w", key, err)
	}
	return nil
}

// Exists reports whether an object is stored under key, without reading
// (or, through a Vault, decrypting) more than its first bytes.
func Exists(ctx context.Context, bs Blobstore, key string) (bool, error) {
	rc, err := bs.Get(ctx, key)
	if err == nil {
		rc.Close()
		return true, nil
	}
	if errors.Is(err, ErrNotFound) {
		return false, nil
	}
	return false, err
}
