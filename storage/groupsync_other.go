//go:build !linux

package storage

import (
	"errors"
	"os"
)

func syncfs(*os.File) error { return errors.New("syncfs: not supported") }

func haveSyncfs() bool { return false }

func deviceOf(string) (uint64, bool) { return 0, false }
