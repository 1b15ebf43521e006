# clinscribe — `make demo` and `make test` are all a fresh machine needs.
GO       ?= go
BIN      := bin/clinscribe
VERSION  ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
COMMIT   ?= $(shell git rev-parse HEAD 2>/dev/null)
LDFLAGS  := -s -w -X github.com/clinscribe/clinscribe/cmd/clinscribe/internal/cli.Version=$(VERSION) \
            -X github.com/clinscribe/clinscribe/cmd/clinscribe/internal/cli.Commit=$(COMMIT)
# Tests are long-running integration tests on 2 cores: give them room.
TESTFLAGS ?= -timeout 20m

.DEFAULT_GOAL := help
.PHONY: help build demo test test-short test-providers bench bench-providers bench-audit bench-load eval-deid bench-deid gazetteer-deid lint fuzz clean

help: ## show the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  %-12s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

build: ## build bin/clinscribe
	$(GO) build -ldflags '$(LDFLAGS)' -o $(BIN) ./cmd/clinscribe

demo: build ## run the whole pipeline on embedded defaults (no Redis, cloud or API key)
	./$(BIN) demo

test: ## unit and integration tests (installs redis-server and node if missing; starts its own instances)
	@bash .ci/ensure-redis
	@bash .ci/ensure-node
	$(GO) vet ./...
	$(GO) test $(TESTFLAGS) ./...

test-short: ## the tests without the slow crash-recovery runs
	$(GO) test $(TESTFLAGS) -short ./...

bench: ## benchmarks: pipeline vs bare asynq, encryption MB/s (figures are only comparable within one run)
	$(GO) test -run '^$$' -bench 'Throughput' -benchtime 8x ./cmd/clinscribe/internal/app/
	$(GO) test -run '^$$' -bench 'Vault' -benchtime 2s ./storage/

test-providers: ## tests of the AI providers, prompts, audio and their wiring
	$(GO) test $(TESTFLAGS) ./pipeline/ai/... ./pipeline/audio ./prompts ./cmd/...

bench-providers: ## 500-note fleet burst on 3 worker processes vs one shared quota; 100 MB WAV parallel vs sequential
	$(GO) test ./pipeline/ai/openai -run '^$$' -bench 'Transcribe100MB' -benchtime 1x -timeout 10m
	$(GO) test ./cmd/clinscribe -run '^$$' -bench 'FleetBurst' -benchtime 1x -timeout 20m

bench-audit: ## audit trail: group commit vs fsync per entry; added latency per AI call
	$(GO) test -run '^$$' -bench . ./pipeline/audit ./pipeline/ai

eval-deid: ## de-identification on the project's corpora: leak recall, precision, F2, per type
	$(GO) run ./cmd/clinscribe deid eval -corpus testdata/deid/dev.jsonl
	$(GO) run ./cmd/clinscribe deid eval -corpus testdata/deid/heldout.jsonl
	$(GO) run ./cmd/clinscribe deid eval -corpus testdata/deid/fresh.jsonl
	$(GO) run ./cmd/clinscribe deid eval -corpus testdata/deid/independent.jsonl
	$(GO) run ./cmd/clinscribe deid eval -corpus testdata/deid/independent-holdout.jsonl
	$(GO) run ./cmd/clinscribe deid eval -corpus testdata/deid/blind.jsonl
	$(GO) run ./cmd/clinscribe deid eval -corpus testdata/deid/blind-holdout.jsonl
	$(GO) run ./cmd/clinscribe deid eval -corpus testdata/deid/blind2.jsonl
	$(GO) run ./cmd/clinscribe deid eval -corpus testdata/deid/blind2-holdout.jsonl
	$(GO) run ./cmd/clinscribe deid eval -corpus testdata/deid/dialogues-known.jsonl

MIRROR ?= /work/.mirror
gazetteer-deid: ## rebuild deid/data/gazetteer.txt from its pinned open-data inputs (MIRROR=dir of bare clones, see deid/README.md)
	$(GO) run ./deid/internal/gazetteer -mirror $(MIRROR)

bench-deid: ## de-identification throughput (MB/s per core) on the corpus
	$(GO) test -run '^$$' -bench Detect -benchtime 5s ./deid/

bench-load: ## load: N worker processes x concurrency C vs the Little's-law bound N*C/latency (LOAD_WORKERS, LOAD_CONCURRENCY, LOAD_LATENCY, LOAD_ROUNDS, LOAD_MODE)
	$(GO) test -run '^$$' -bench 'Load' -benchtime 1x -timeout 30m ./cmd/clinscribe/

lint: ## gofmt and go vet
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { gofmt -l $$(git ls-files '*.go'); echo "gofmt: files above need formatting"; exit 1; }
	$(GO) vet ./...

FUZZTIME ?= 30s
fuzz: ## run every fuzz target in the repository for FUZZTIME (default 30s) each
	@set -e; for dir in $$(grep -rl --include='*_test.go' '^func Fuzz' . | xargs -n1 dirname | sort -u); do \
		for f in $$(grep -h '^func Fuzz' $$dir/*_test.go | sed 's/^func \(Fuzz[A-Za-z0-9_]*\).*/\1/'); do \
			echo "== $$dir $$f"; $(GO) test -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) $$dir; \
		done; \
	done

clean: ## remove build output and local data
	rm -rf bin var
