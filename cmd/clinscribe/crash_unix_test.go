package main_test

import (
	"os"
	"syscall"
)

func sigkill() os.Signal { return syscall.SIGKILL }
