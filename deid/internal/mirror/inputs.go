package mirror

import "fmt"

// Input is one pinned file a word-list command reads, and how its names
// are read.
type Input struct {
	Repo, Commit, Path, Sum string
	Names                   func(b []byte) ([]string, error)
}

// File is a pinned file of one repository, for InRepo.
type File struct {
	Path, Sum string
	Names     func(b []byte) ([]string, error)
}

// InRepo makes the inputs of files of repo at commit.
func InRepo(repo, commit string, files ...File) []Input {
	ins := make([]Input, len(files))
	for i, f := range files {
		ins[i] = Input{repo, commit, f.Path, f.Sum, f.Names}
	}
	return ins
}

// ReadAll reads every input's file from the mirrors under dir, in order.
func ReadAll(dir string, ins []Input) ([][]byte, error) {
	files := make([][]byte, len(ins))
	for i, in := range ins {
		b, err := Read(dir, in.Repo, in.Commit, in.Path)
		if err != nil {
			return nil, err
		}
		files[i] = b
	}
	return files, nil
}

// EachName checks every file against its input's checksum, in the order
// of ins, and calls add with each name the input reads from it.
func EachName(files [][]byte, ins []Input, add func(name string)) error {
	if len(files) != len(ins) {
		return fmt.Errorf("%d inputs, want %d", len(files), len(ins))
	}
	for i, in := range ins {
		if err := CheckSum(in.Path, files[i], in.Sum); err != nil {
			return err
		}
		names, err := in.Names(files[i])
		if err != nil {
			return fmt.Errorf("%s: %v", in.Path, err)
		}
		for _, n := range names {
			add(n)
		}
	}
	return nil
}
