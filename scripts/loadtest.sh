#!/bin/sh
# Load test of tiaoli serve on loopback: builds the whole LawRefBook corpus
# into tmpfs with this tree's tiaoli (REUSE=1 serves the site built by an
# earlier run, when the index format has not changed), then runs TestLoadSearch:
# N searches (3000) from C clients at once (32) over 127.0.0.1, reporting
# p50, p99 and requests/s. Nothing leaves this machine.
set -e
cd "$(dirname "$0")/.."
CORPUS=${CORPUS:-../shared/corpus/lawrefbook-laws}
WORK=${WORK:-/dev/shm/tiaoli-load}
GO=${GO:-go}
if [ ! -d "$CORPUS" ]; then
	echo "loadtest: no corpus at $CORPUS; skipped" >&2
	exit 0
fi
mkdir -p "$WORK"
if [ ! -d "$WORK/site/_index" ] || [ -z "$REUSE" ]; then
	$GO build -trimpath -o "$WORK/tiaoli" ./cmd/tiaoli
	echo "loadtest: building $CORPUS into $WORK/site" >&2
	/usr/bin/time -f "loadtest: build %es wall, %MKB peak" \
		"$WORK/tiaoli" build --content "$CORPUS" --out "$WORK/site" --keep-going 2>"$WORK/build.log" ||
		{ tail -20 "$WORK/build.log"; exit 1; }
	tail -3 "$WORK/build.log"
fi
TIAOLI_LOADTEST_SITE="$WORK/site" TIAOLI_LOADTEST_N=${N:-3000} TIAOLI_LOADTEST_C=${C:-32} \
	$GO test -count=1 -run '^TestLoadSearch$' -v ./server
