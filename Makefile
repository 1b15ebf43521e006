# clinscribe — developer targets. `make help` lists them.

GO ?= go

.PHONY: help test test-providers bench-providers

help: ## list targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-18s %s\n", $$1, $$2}'

test: ## run all tests (needs redis-server; ffmpeg optional)
	$(GO) test ./...

test-providers: ## tests of the AI providers, prompts, audio and their wiring
	$(GO) test ./pipeline/ai/... ./pipeline/audio ./prompts ./cmd/...

bench-providers: ## provider benchmarks: 500-note fleet burst on 3 processes, 100 MB WAV parallel vs sequential
	$(GO) test ./pipeline/ai/openai -run '^$$' -bench 'Transcribe100MB' -benchtime 1x -timeout 10m
	$(GO) test ./cmd/clinscribe -run '^$$' -bench 'FleetBurst' -benchtime 1x -timeout 20m
