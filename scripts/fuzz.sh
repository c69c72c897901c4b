#!/bin/sh
# Runs every fuzz target of the project for FUZZTIME each (default 30s).
# Crashers land in the package's testdata/fuzz and fail later test runs.
set -e
cd "$(dirname "$0")/.."
time=${FUZZTIME:-30s}
grep -rl --include='*_test.go' '^func Fuzz' . | while read -r file; do
	pkg=./$(dirname "${file#./}")
	for target in $(sed -n 's/^func \(Fuzz[A-Za-z0-9_]*\)(.*/\1/p' "$file"); do
		echo "== $pkg $target"
		go test -run='^$' -fuzz="^$target\$" -fuzztime="$time" "$pkg"
	done
done
