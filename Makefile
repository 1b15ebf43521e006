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
.PHONY: help build demo test bench-console screenshots test-short test-providers bench bench-providers bench-audit bench-load eval-deid eval-drafts bench-deid train-deid gazetteer-deid lint fuzz clean

help: ## show the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  %-12s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

build: ## build bin/clinscribe
	$(GO) build -ldflags '$(LDFLAGS)' -o $(BIN) ./cmd/clinscribe

demo: build ## run the whole pipeline on embedded defaults (no Redis, cloud or API key), then serve the review console (Ctrl-C stops it)
	@# In a terminal the console stays up until Ctrl-C; run from a script
	@# (no terminal) the demo prints its drafts and exits instead of waiting.
	@if [ -t 0 ] && [ -t 1 ]; then ./$(BIN) demo -serve; else ./$(BIN) demo && \
		echo "(no terminal: the review console was not started; run ./$(BIN) demo -serve to open it)"; fi

test: ## unit and integration tests (installs redis-server, node and chromium if missing; starts its own instances)
	@bash .ci/ensure-redis
	@bash .ci/ensure-node
	@bash .ci/ensure-chromium
	$(GO) vet ./...
	$(GO) test $(TESTFLAGS) ./...

test-short: ## the tests without the slow crash-recovery runs
	$(GO) test $(TESTFLAGS) -short ./...

bench: ## benchmarks: pipeline (local log, local one-file-per-object and S3-protocol storage) as pct-of-bare-asynq, object writes/reads, group flushes, CPU ms and Redis scripts per encounter; encryption MB/s (figures are only comparable within one run)
	$(GO) test -run '^$$' -bench 'Throughput' -benchtime 8x ./cmd/clinscribe/internal/app/
	$(GO) test -run '^$$' -bench 'Vault' -benchtime 2s ./storage/

bench-console: ## the review console: render an encounter page with a 60-minute transcript (~700 segments), p95
	$(GO) test -run '^$$' -bench 'EncounterPage' -benchtime 300x ./cmd/clinscribe/internal/console/

screenshots: ## regenerate docs/console/*.png from the browser test (headless Chromium)
	@bash .ci/ensure-redis
	@bash .ci/ensure-chromium
	CONSOLE_SCREENSHOTS=1 $(GO) test -run 'TestBrowserWalk' -count=1 ./cmd/clinscribe/internal/console/

test-providers: ## tests of the AI providers, prompts, audio and their wiring
	$(GO) test $(TESTFLAGS) ./pipeline/ai/... ./pipeline/audio ./prompts ./cmd/...

bench-providers: ## 500-note fleet burst on 3 worker processes vs one shared quota; 100 MB WAV parallel vs sequential
	$(GO) test ./pipeline/ai/openai -run '^$$' -bench 'Transcribe100MB' -benchtime 1x -timeout 10m
	$(GO) test ./cmd/clinscribe -run '^$$' -bench 'FleetBurst' -benchtime 1x -timeout 20m

bench-audit: ## audit trail: group commit vs fsync per entry; added latency per AI call
	$(GO) test -run '^$$' -bench . ./pipeline/audit ./pipeline/ai

# Every corpus in testdata/deid; the holdouts are for summary figures only.
DEID_CORPORA ?= dev heldout fresh independent independent-holdout blind blind-holdout blind2 blind2-holdout dialogues-known dialogues-known2 dialogues-known3 blind3 blind3-holdout phifree3 phifree3-holdout phifree4 phifree4-holdout phifree5 phifree5-holdout phifree6 phifree6-holdout phifree7 phifree7-holdout phifree8 phifree8-holdout dialogues-known4 dialogues-known4-holdout dialogues-known5 dialogues-known5-holdout places6 places6-holdout blind4 blind4-holdout places7 places7-holdout dialogues-known6 dialogues-known6-holdout dialogues-known7 dialogues-known7-holdout places8 places8-holdout phifree9 phifree9-holdout places10 places10-holdout dialogues-known8 dialogues-known8-holdout dialogues-known9 dialogues-known9-holdout blind5 blind5-holdout blind6 blind6-holdout dialogues-known10 dialogues-known10-holdout blind7 blind7-holdout dialogues-known11 dialogues-known11-holdout blind8 blind8-holdout dialogues-known12 dialogues-known12-holdout blind9 blind9-holdout blind10 blind10-holdout blind11 blind11-holdout blind12 blind12-holdout blind13 blind13-holdout blind14 blind14-holdout blind15 blind15-holdout blind16 blind16-holdout blind17 blind17-holdout blind18 blind18-holdout blind19 blind19-holdout blind20 blind20-holdout blind21 blind21-holdout
eval-deid: ## de-identification on every corpus, with the learned tagger and with the rules alone (-rules-only)
	@$(GO) build -o bin/clinscribe-eval ./cmd/clinscribe
	@set -e; for c in $(DEID_CORPORA); do \
		echo "== $$c: rules and tagger"; ./bin/clinscribe-eval deid eval -corpus testdata/deid/$$c.jsonl; \
		echo "== $$c: rules only"; ./bin/clinscribe-eval deid eval -corpus testdata/deid/$$c.jsonl -rules-only; \
	done

MIRROR ?= /work/.mirror
gazetteer-deid: ## rebuild deid/data/gazetteer.txt, nicknames-open.txt, english.txt, publicfigures.txt and companies.txt from their pinned open-data inputs (MIRROR=dir of bare clones, see deid/README.md)
	$(GO) run ./deid/internal/gazetteer -mirror $(MIRROR)
	$(GO) run ./deid/internal/nicknames -mirror $(MIRROR)
	$(GO) run ./deid/internal/english -mirror $(MIRROR)
	$(GO) run ./deid/internal/publicfigures -mirror $(MIRROR)
	$(GO) run ./deid/internal/companies -mirror $(MIRROR)

eval-drafts: ## drafts on the project's corpus: ROUGE vs the whole-transcript baseline, coverage, fact check on planted errors (blind part: figures only)
	$(GO) run ./cmd/clinscribe eval drafts -corpus testdata/drafts/corpus.jsonl
	$(GO) run ./cmd/clinscribe eval drafts -corpus testdata/drafts/blind.jsonl

bench-deid: ## de-identification throughput (MB/s per core), with the tagger and rules-only in one run, and their time ratio
	$(GO) test -run '^$$' -bench 'Detect' -benchtime 5s ./deid/

train-deid: ## regenerate the tagger's training corpus (deid/internal/corpusgen) and retrain deid/data/tagger.bin
	$(GO) test ./deid -run '^TestTaggerWeights$$' -count=1 -train -v

bench-load: ## load: N worker processes x concurrency C vs the Little's-law bound N*C/latency, with worker CPU per task and the load average (LOAD_WORKERS, LOAD_CONCURRENCY, LOAD_LATENCY, LOAD_ROUNDS, LOAD_MODE, LOAD_QUEUE_FETCHERS)
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
