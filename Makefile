# tiaoli: make site builds public/ from content/; make test runs every test.
GO       ?= go
BIN      := bin/tiaoli
CONTENT  ?= content
OUT      ?= public
ADDR     ?= 127.0.0.1:8080
BASE     ?= /

# STATICCHECK_VERSION pins staticcheck (v0.8.2 is its release 2026.2.2, which
# knows the Go of go.mod); go run fetches it through the module proxy once.
STATICCHECK_VERSION := v0.8.2

.PHONY: build site test test-deps lint bench stard loadtest serve clean dist fuzz

build:
	$(GO) build -trimpath -o $(BIN) ./cmd/tiaoli

site: build
	./$(BIN) build --content $(CONTENT) --out $(OUT) --base $(BASE)
	@echo
	@echo "Built $(OUT)/. Serve it with search:  make serve   (http://$(ADDR)/)"
	@echo "or publish $(OUT)/ as it is with any web server (search then needs 'tiaoli serve')."

# test-deps installs what the browser and web-server tests need (Debian's
# chromium and nginx) when it can; without them those tests skip and say so.
test-deps:
	@sh .ci/install-deps || echo "test-deps: could not install chromium/nginx; browser and nginx tests will skip"

# lint fails on any finding of go vet or staticcheck. Vet runs for Windows
# too, so that code behind build tags for other systems keeps compiling.
lint:
	$(GO) vet ./...
	GOOS=windows $(GO) vet ./...
	$(GO) run honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION) ./...

# test ends with the tests that skipped and why, then go test's closing line.
# First, the race detector watches the lazy renderer, which lists its jobs
# while the search index builds beside them (a few seconds). -race needs cgo
# and a C compiler (test-deps installs one); without them it skips and says so.
test: test-deps lint
	@if [ "$$($(GO) env CGO_ENABLED)" = 1 ] && command -v "$$($(GO) env CC)" >/dev/null 2>&1; then \
		$(GO) test -race -count=1 -run Lazy ./generator/site; \
	else echo "race: skipped (no cgo or no C compiler): the lazy renderer is tested without -race below"; fi
	GO=$(GO) $(GO) run ./internal/testreport -count=1 ./...

bench: build
	sh scripts/bench.sh
	sh scripts/stard.sh

# stard is the STARD relevance run alone (train split; see scripts/stard.sh).
stard:
	sh scripts/stard.sh

# loadtest builds the LawRefBook corpus into tmpfs and runs 3,000 searches
# at 32 concurrent against tiaoli serve on loopback.
loadtest: build
	sh scripts/loadtest.sh

serve: site
	./$(BIN) serve --site $(OUT) --addr $(ADDR)

fuzz:
	sh scripts/fuzz.sh

dist:
	sh scripts/dist.sh

# clean removes the site and every folder builds keep beside it (package
# publish names them); OUT.lock stays, since a build that runs holds it.
clean:
	rm -rf bin dist $(OUT) $(addprefix $(OUT),.staging .prev .trash .cache .spare .spare.new)
