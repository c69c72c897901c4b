#!/bin/sh
# Side by side on the same pages, in one run: tiaoli (pages alone, and the
# whole build with its search index) against Hugo building the same
# document and article pages with a minimal theme (scripts/hugosite), and
# Pagefind indexing Hugo's output. Each build runs RUNS times (default 3),
# alternating, into tmpfs; the medians of wall and CPU seconds are printed
# with the ratios the targets are set on, for each of two sets of files:
# the first N files of the folder SUBSET of the corpus, and the first N
# files of the whole corpus.
#
#   CORPUS  the content folder (default ../shared/corpus/lawrefbook-laws)
#   N       how many files of each set, in name order (default 400)
#   SUBSET  the folder of CORPUS of the first set (default 行政法规; set
#           empty, only the first N files of the whole corpus are compared)
#   WORK    where to build (default /dev/shm/tiaoli-compare; removed after)
#
# Hugo comes from Debian's packages (hugo, 0.111) and Pagefind from the npm
# registry (pagefind 1.6.0); both are installed into WORK or the system
# when missing, and left out, with a note, when that is not possible.
set -eu
cd "$(dirname "$0")/.."
CORPUS=${CORPUS:-../shared/corpus/lawrefbook-laws}
N=${N:-400}
RUNS=${RUNS:-3}
SUBSET=${SUBSET-行政法规}
WORK=${WORK:-/dev/shm/tiaoli-compare}
BIN=${BIN:-bin/tiaoli}
[ -d "$CORPUS" ] || { echo "compare: $CORPUS not found: nothing to compare"; exit 0; }
[ -x "$BIN" ] || go build -trimpath -o "$BIN" ./cmd/tiaoli

rm -rf "$WORK"
mkdir -p "$WORK"
trap 'rm -rf "$WORK"' EXIT

SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo -n"
command -v hugo >/dev/null 2>&1 ||
	$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends hugo >/dev/null 2>&1 || true
PAGEFIND=$(command -v pagefind || true)
if [ -z "$PAGEFIND" ] && command -v npm >/dev/null 2>&1; then
	(cd "$WORK" && npm install --silent --no-audit --no-fund pagefind@1.6.0 >/dev/null 2>&1) &&
		PAGEFIND="$WORK/node_modules/.bin/pagefind" || true
fi
command -v hugo >/dev/null 2>&1 || echo "compare: hugo is not installed; tiaoli alone"

# run NAME CMD...: one timed run; appends "wall cpu peakMB" to SET/NAME.
run() {
	name=$1
	shift
	/usr/bin/time -f '%e %U %S %M' -o "$SET/t" "$@" >"$SET/log" 2>&1 ||
		{ echo "compare: $name failed:"; tail -5 "$SET/log"; exit 1; }
	awk '{ printf "%s %.2f %.0f\n", $1, $2 + $3, $4 / 1024 }' "$SET/t" >>"$SET/$name"
}

# median NAME COLUMN: the median of a column of SET/NAME.
median() {
	cut -d' ' -f"$2" "$SET/$1" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# line LABEL NAME PAGES: the medians of one program.
line() {
	printf '  %-26s %6d pages %6.2f s wall %6.2f s CPU %6d MB peak %7.0f pages/s\n' "$1" "$3" \
		"$(median "$2" 1)" "$(median "$2" 2)" "$(median "$2" 3)" "$(echo "$3 $(median "$2" 1)" | awk '{ print $1 / $2 }')"
}

# compare LABEL FOLDER: copies the first N files of FOLDER into a set of
# its own, builds them RUNS times with each program, alternating, and
# prints the medians and ratios.
compare() {
	SET="$WORK/set-$(printf '%s' "$1" | tr -c 'A-Za-z0-9' _)"
	mkdir -p "$SET/content"
	find "$2" -name '*.md' | sort | head -n "$N" | while read -r f; do
		cp "$f" "$SET/content/$(printf '%s' "${f#"$CORPUS"/}" | tr / _)"
	done
	go run ./scripts/hugosite "$SET/content" "$SET/hugo-src" >/dev/null
	i=0
	while [ "$i" -lt "$RUNS" ]; do
		rm -rf "$SET"/out-*
		run pages "$BIN" build --content "$SET/content" --out "$SET/out-pages" --keep-going --no-search
		run whole "$BIN" build --content "$SET/content" --out "$SET/out-whole" --keep-going
		if command -v hugo >/dev/null 2>&1; then
			run hugo hugo --quiet -s "$SET/hugo-src" -d "$SET/out-hugo"
			[ -z "$PAGEFIND" ] || [ "$i" -gt 0 ] || run pagefind "$PAGEFIND" --site "$SET/out-hugo"
		fi
		i=$((i + 1))
	done

	tpages=$(find "$SET/out-whole" -name '*.html' | wc -l)
	echo "$1: $(find "$SET/content" -name '*.md' | wc -l) files, medians of $RUNS alternating runs, $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg)"
	line "tiaoli pages" pages "$tpages"
	line "tiaoli whole (with index)" whole "$tpages"
	[ -f "$SET/hugo" ] || return 0
	hpages=$(find "$SET/out-hugo" -name '*.html' | wc -l)
	line "hugo" hugo "$hpages"
	[ -f "$SET/pagefind" ] && line "pagefind (after hugo)" pagefind "$hpages"
	awk -v tp="$tpages" -v hp="$hpages" -v pw="$(median pages 1)" -v ww="$(median whole 1)" -v hw="$(median hugo 1)" \
		-v pc="$(median pages 2)" -v wc="$(median whole 2)" -v hc="$(median hugo 2)" \
		-v fw="$( [ -f "$SET/pagefind" ] && median pagefind 1 || echo 0)" 'BEGIN {
		printf "  whole build / Hugo pages: %.2f of its wall time (target <= 0.85), %.2f of its CPU time; %.2f of its time per page\n", ww / hw, wc / hc, (ww / tp) / (hw / hp)
		printf "  pages alone: %.2fx Hugo'"'"'s pages/s (target >= 2), %.2fx its pages per CPU-second\n", (tp / pw) / (hp / hw), (tp / pc) / (hp / hc)
		if (fw > 0) printf "  whole build / (Hugo + Pagefind): %.2f of their time per page (target <= 0.25)\n", (ww / tp) / ((hw + fw) / hp)
	}'
}

echo "side by side: the first $N files of each set of $CORPUS"
[ -z "$SUBSET" ] || compare "$SUBSET" "$CORPUS/$SUBSET"
compare "all folders" "$CORPUS"
