package pipeline

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/storage"
)

func putJSON(ctx context.Context, bs storage.Blobstore, key string, v any, mode storage.WriteMode) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return bs.Put(ctx, key, bytes.NewReader(b), mode)
}

func getJSON(ctx context.Context, bs storage.Blobstore, key string, v any) error {
	b, err := storage.ReadAll(ctx, bs, key)
	if errors.Is(err, storage.ErrNotFound) {
		return encounter.ErrNotFound
	}
	if err != nil {
		return err
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("pipeline: decode %s: %w", key, err)
	}
	return nil
}

func jsonMarshal(v any) ([]byte, error) { return json.Marshal(v) }

func hashBytesHex(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}
