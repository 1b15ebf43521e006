package storage_test

import (
	"testing"

	"github.com/clinscribe/clinscribe/storage"
	"github.com/clinscribe/clinscribe/storage/storagetest"
)

func newLog(t *testing.T) storage.Blobstore {
	l, err := storage.NewLog(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	return l
}

func init() {
	moreStagingStores = func(t *testing.T) map[string]storage.Blobstore {
		return map[string]storage.Blobstore{"Log": newLog(t)}
	}
}

func TestLogConformance(t *testing.T) {
	t.Parallel()
	storagetest.TestBlobstore(t, newLog)
}
