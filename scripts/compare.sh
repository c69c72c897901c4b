#!/bin/sh
# Side by side on the same pages, in one run: tiaoli (pages alone, and the
# whole build with its search index) against Hugo building the same
# document and article pages with a minimal theme (scripts/hugosite), and
# Pagefind indexing Hugo's output. Each build runs RUNS times (default 3),
# alternating, into tmpfs; the medians of wall and CPU seconds are printed
# with the ratios the site issue sets as targets.
#
#   CORPUS  the content folder (default ../shared/corpus/lawrefbook-laws)
#   N       how many of its files, in name order (default 400)
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
WORK=${WORK:-/dev/shm/tiaoli-compare}
BIN=${BIN:-bin/tiaoli}
[ -d "$CORPUS" ] || { echo "compare: $CORPUS not found: nothing to compare"; exit 0; }
[ -x "$BIN" ] || go build -trimpath -o "$BIN" ./cmd/tiaoli

rm -rf "$WORK"
mkdir -p "$WORK/content"
trap 'rm -rf "$WORK"' EXIT
find "$CORPUS" -name '*.md' | sort | head -n "$N" | while read -r f; do
	cp "$f" "$WORK/content/$(printf '%s' "${f#"$CORPUS"/}" | tr / _)"
done

SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo -n"
command -v hugo >/dev/null 2>&1 ||
	$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends hugo >/dev/null 2>&1 || true
PAGEFIND=$(command -v pagefind || true)
if [ -z "$PAGEFIND" ] && command -v npm >/dev/null 2>&1; then
	(cd "$WORK" && npm install --silent --no-audit --no-fund pagefind@1.6.0 >/dev/null 2>&1) &&
		PAGEFIND="$WORK/node_modules/.bin/pagefind" || true
fi

# run NAME CMD...: one timed run; appends "wall cpu peakMB" to WORK/NAME.
run() {
	name=$1
	shift
	/usr/bin/time -f '%e %U %S %M' -o "$WORK/t" "$@" >"$WORK/log" 2>&1 ||
		{ echo "compare: $name failed:"; tail -5 "$WORK/log"; exit 1; }
	awk '{ printf "%s %.2f %.0f\n", $1, $2 + $3, $4 / 1024 }' "$WORK/t" >>"$WORK/$name"
}

# median NAME COLUMN: the median of a column of WORK/NAME.
median() {
	cut -d' ' -f"$2" "$WORK/$1" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

go run ./scripts/hugosite "$WORK/content" "$WORK/hugo-src" >/dev/null
i=0
while [ "$i" -lt "$RUNS" ]; do
	rm -rf "$WORK"/out-*
	run pages "$BIN" build --content "$WORK/content" --out "$WORK/out-pages" --keep-going --no-search
	run whole "$BIN" build --content "$WORK/content" --out "$WORK/out-whole" --keep-going
	if command -v hugo >/dev/null 2>&1; then
		run hugo hugo --quiet -s "$WORK/hugo-src" -d "$WORK/out-hugo"
		[ -z "$PAGEFIND" ] || [ "$i" -gt 0 ] || run pagefind "$PAGEFIND" --site "$WORK/out-hugo"
	fi
	i=$((i + 1))
done

tpages=$(find "$WORK/out-whole" -name '*.html' | wc -l)
echo "side by side: $N files of $CORPUS, medians of $RUNS runs, $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg)"
line() { # LABEL NAME PAGES
	printf '%-26s %6d pages %6.2f s wall %6.2f s CPU %6d MB peak %7.0f pages/s\n' "$1" "$3" \
		"$(median "$2" 1)" "$(median "$2" 2)" "$(median "$2" 3)" "$(echo "$3 $(median "$2" 1)" | awk '{ print $1 / $2 }')"
}
line "tiaoli pages" pages "$tpages"
line "tiaoli whole (with index)" whole "$tpages"
[ -f "$WORK/hugo" ] || { echo "compare: hugo is not installed; no comparison"; exit 0; }
hpages=$(find "$WORK/out-hugo" -name '*.html' | wc -l)
line "hugo" hugo "$hpages"
[ -f "$WORK/pagefind" ] && line "pagefind (after hugo)" pagefind "$hpages"
awk -v tp="$tpages" -v hp="$hpages" -v pw="$(median pages 1)" -v ww="$(median whole 1)" -v hw="$(median hugo 1)" \
	-v fw="$( [ -f "$WORK/pagefind" ] && median pagefind 1 || echo 0)" 'BEGIN {
	tps = tp / pw; hps = hp / hw
	printf "pages alone: %.2fx Hugo'"'"'s pages/s (target >= 2)\n", tps / hps
	printf "whole build: %.2fx Hugo'"'"'s time for as many pages (target <= 1)\n", (ww / tp) / (hw / hp)
	if (fw > 0) printf "whole build: %.2fx Hugo + Pagefind'"'"'s time for as many pages (target <= 0.25)\n", (ww / tp) / ((hw + fw) / hp)
}'
