# A thin layer over the go tool. SHARED points at the shared evaluation
# material (corpus, gold, scorer); targets that need it skip when it is absent.
GO     ?= go
SHARED ?= ../shared
BIN    ?= findings
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)

.PHONY: build test test-all race lint fuzz eval train polarity demo bench bench-cli bench-peers clean

build:
	$(GO) build -ldflags "-X main.version=$(VERSION)" -o $(BIN) ./cmd/findings

# the README's test command: quick, -short skips the slow hostile-input
# scripts (a 100 MB file, a 10 MB line, 10,000 documents)
test:
	$(GO) test -short ./...

# every test, the slow ones too (CI runs this)
test-all:
	$(GO) test ./...

race:
	$(GO) test -race ./...

STATICCHECK ?= honnef.co/go/tools/cmd/staticcheck@v0.8.2
lint:
	$(GO) vet ./...
	$(GO) run $(STATICCHECK) ./...
	@out=$$(gofmt -l cmd pkg internal); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi

# each fuzz target in turn, for FUZZTIME each (their seeds run in every
# go test); a crasher is kept in the package's testdata/fuzz/FuzzX/ and
# fails the run. One at a time, one worker: FUZZPARALLEL=4 for more.
FUZZTIME     ?= 20s
FUZZPARALLEL ?= 1
FUZZ_TARGETS  = pkg/clean:FuzzBlocks pkg/nlp:FuzzSentences \
	pkg/extract:FuzzMetrics pkg/extract:FuzzJudgements pkg/extract:FuzzExtract \
	pkg/source:FuzzReadPDF pkg/source:FuzzReadHTML pkg/source:FuzzDecode
fuzz:
	@set -e; for t in $(FUZZ_TARGETS); do \
		pkg=$${t%%:*}; fn=$${t#*:}; echo "== $$fn ($$pkg, $(FUZZTIME))"; \
		$(GO) test -run '^$$' -fuzz "^$$fn\$$" -fuzztime $(FUZZTIME) -parallel $(FUZZPARALLEL) ./$$pkg; \
	done

# Go benchmarks of each stage and end to end (MB/s, allocations)
bench:
	$(GO) test -run '^$$' -bench . -benchmem -benchtime 3x ./pkg/clean ./pkg/nlp ./pkg/extract ./pkg/format

# whole-process timings of the binary: bulk corpus with 1 and 2 jobs,
# start-up, PDF folder against pdftotext
bench-cli:
	scripts/bench-cli.sh $(SHARED)

# the peer benchmark: wink-nlp (npm, in a temporary folder) against
# findings on the bulk corpus in the same run; skips without node
bench-peers:
	scripts/bench-peers.sh $(SHARED)

# the README's example: extract a report written for this project
demo:
	$(GO) run ./cmd/findings extract testdata/reports/ilacs-2023-full.txt

# scores on the dev gold (whole, and leave-one-document-out) and on the
# project's own test reports; fails below the floors in scripts/eval.sh
eval: build
	scripts/eval.sh $(SHARED)

# retrain the sentence model on the dev gold, then once more with the bulk
# reports' sentences it is surest of (self-training); its features include
# the word polarities, so the lexicon is rebuilt first. The model loads
# from its binary form, model.bin, which go generate rewrites from the text.
train: polarity
	$(GO) run ./internal/train -docs $(SHARED)/corpus/dev -gold $(SHARED)/eval/gold -self $(SHARED)/corpus/bulk -o pkg/extract/data/model.tsv
	$(GO) generate ./pkg/extract

# rebuild the word-polarity lexicon from the graded reports of the bulk corpus
polarity:
	$(GO) run ./internal/lexmine -docs $(SHARED)/corpus/bulk -o pkg/extract/data/polarity.tsv

clean:
	rm -f $(BIN)
