#!/bin/sh
# make bench: builds the whole LawRefBook corpus into tmpfs and prints, for
# the pages alone (--no-search) and for the whole build with its search
# index: pages, pages/s, wall and CPU seconds, peak memory and the size of
# the site; then the time of a rebuild after one source file changes
# (three, and their median) and how many output files it touched, and the
# time from an edit to the page in tiaoli preview; then scripts/compare.sh,
# the same pages of two sets of 400 files built by tiaoli, Hugo and
# Pagefind side by side, with the ratios the targets are set on.
#
#   CORPUS    the content folder (default ../shared/corpus/lawrefbook-laws)
#   BENCH_DIR where to build (default /dev/shm/tiaoli-bench; removed after)
#   KEEP=1    keep BENCH_DIR to look at the site
set -eu
cd "$(dirname "$0")/.."
CORPUS=${CORPUS:-../shared/corpus/lawrefbook-laws}
BENCH_DIR=${BENCH_DIR:-/dev/shm/tiaoli-bench}
BIN=${BIN:-bin/tiaoli}

if [ ! -d "$CORPUS" ]; then
	echo "bench: $CORPUS not found: nothing to measure"
	exit 0
fi
if [ ! -x /usr/bin/time ]; then
	SUDO=""
	[ "$(id -u)" = 0 ] || SUDO="sudo -n"
	$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q time >/dev/null ||
		{ echo "bench: /usr/bin/time is missing and could not be installed"; exit 1; }
fi
[ -x "$BIN" ] || go build -trimpath -o "$BIN" ./cmd/tiaoli

rm -rf "$BENCH_DIR"
mkdir -p "$BENCH_DIR"
[ "${KEEP:-}" = 1 ] || trap 'rm -rf "$BENCH_DIR"' EXIT
# A copy of the corpus, so that the rebuild test can change a file.
cp -r "$CORPUS" "$BENCH_DIR/content"

# measure LABEL CMD...: runs CMD under /usr/bin/time and prints one line.
measure() {
	label=$1
	shift
	if ! /usr/bin/time -v -o "$BENCH_DIR/time-$label" "$@" >"$BENCH_DIR/log-$label" 2>&1; then
		echo "bench: $label failed:"
		tail -20 "$BENCH_DIR/log-$label"
		exit 1
	fi
}

# report LABEL SITE: prints the figures of a measured build.
report() {
	pages=$(find "$2" -name '*.html' | wc -l)
	size=$(du -s --apparent-size -B1M "$2" | cut -f1)
	disk=$(du -s -B1M "$2" | cut -f1)
	awk -v label="$1" -v pages="$pages" -v size="$size" -v disk="$disk" '
		/User time/ { user = $NF }
		/System time/ { sys = $NF }
		/Elapsed \(wall clock\)/ { n = split($NF, t, ":"); wall = (n == 3) ? t[1]*3600 + t[2]*60 + t[3] : t[1]*60 + t[2] }
		/Maximum resident/ { rss = $NF / 1024 }
		END {
			cpu = user + sys
			printf "%-22s %7d pages  %7.1f s wall  %7.1f s CPU (%.1f user + %.1f sys)  %7.0f pages/s  %7.0f pages/CPU-s  %6.0f MB peak  %6d MB site (%d MB on disk)\n",
				label, pages, wall, cpu, user, sys, pages / wall, pages / cpu, rss, size, disk
		}' "$BENCH_DIR/time-$label"
}

echo "tiaoli bench: $(find "$BENCH_DIR/content" -name '*.md' | wc -l) source files from $CORPUS, $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg)"
measure pages "$BIN" build --content "$BENCH_DIR/content" --out "$BENCH_DIR/pages" --keep-going --no-search
report "pages (no index)" "$BENCH_DIR/pages"
rm -rf "$BENCH_DIR/pages"
measure whole "$BIN" build --content "$BENCH_DIR/content" --out "$BENCH_DIR/public" --keep-going
report "whole (with index)" "$BENCH_DIR/public"
echo "target: the whole build under 25 s wall and 1.2 GB peak on 2 CPUs (load now $(cut -d' ' -f1-3 /proc/loadavg))"

# Rebuild after one file changes, three times (a line appended to a
# different file each time), with the median: the files that did not
# change keep their modification time. From the second rebuild on, the
# build before the previous one is removed as a rebuild does every time.
walls=""
for i in 1 2 3; do
	one=$(find "$BENCH_DIR/content" -name '*.md' | sort | sed -n "${i}p")
	printf '\n本条为基准测试追加的第%s段文字。\n' "$i" >>"$one"
	touch "$BENCH_DIR/marker"
	sleep 1
	measure rebuild-$i "$BIN" build --content "$BENCH_DIR/content" --out "$BENCH_DIR/public" --keep-going
	report "rebuild after 1 change" "$BENCH_DIR/public"
	walls="$walls $(awk '/Elapsed \(wall clock\)/ { n = split($NF, t, ":"); print (n == 3) ? t[1]*3600 + t[2]*60 + t[3] : t[1]*60 + t[2] }' "$BENCH_DIR/time-rebuild-$i")"
	grep '^built' "$BENCH_DIR/log-rebuild-$i" | sed 's/^/  /'
done
echo "rebuild after 1 change: median $(echo $walls | tr ' ' '\n' | sort -n | sed -n 2p) s wall of$walls (target: under 2 s)"
changed=$(find "$BENCH_DIR/public" -type f -newer "$BENCH_DIR/marker" ! -path '*/_index/*' | wc -l)
total=$(find "$BENCH_DIR/public" -type f ! -path '*/_index/*' | wc -l)
echo "the last rebuild touched $changed of $total site files (search index not counted)"
# tiaoli preview: an edit to the page and its search, median of 3 edits
# (on a copy of CORPUS; its first build is not counted).
if go test ./cmd/tiaoli -run '^$' -bench PreviewEdit -benchtime 1x -edits 3 -timeout 30m \
	-editcontent "$(cd "$CORPUS" && pwd)" >"$BENCH_DIR/log-preview" 2>&1; then
	awk -v load="$(cut -d' ' -f1-3 /proc/loadavg)" '/s-median/ { for (i = 2; i <= NF; i++) m[$i] = $(i-1)
		printf "preview: an edit on the page in %.2f s, median of 3 (target: under 1 s); %s CPU-s and %s collections per edit, peak %s MB; load %s\n", m["s-median"], m["cpu-s/edit"], m["gc/edit"], m["MB-peak"], load }
	/edit to page/ { sub(/^ +/, ""); print "  " $0 }' "$BENCH_DIR/log-preview"
else
	echo "bench: preview failed:"
	tail -20 "$BENCH_DIR/log-preview"
fi
echo
# The same pages built by Hugo and indexed by Pagefind, side by side.
BIN=$BIN CORPUS=$CORPUS sh scripts/compare.sh
