#!/bin/sh
# The STARD relevance run (make bench runs it after scripts/bench.sh):
# builds the national part of the LawRefBook corpus (every folder but DLC
# and 案例) into tmpfs once, runs the 1,235 questions of STARD's train
# split through tiaoli's search, and prints MRR@10, recall@10 and
# success@1 for tiaoli and for a BM25 baseline over the same articles
# computed in the same run (see TestSTARD in search/stard_test.go). These
# are train-split figures. Without ../shared it says so and exits 0.
#
#   STARD_INDEX  an index folder to keep between runs (built when absent)
#   STARD_OUT    a file for each question's outcome
#   STARD_FEATURES  a file for the features of every candidate of every
#                question (what the weights of the relaxed reading are fitted on)
set -eu
cd "$(dirname "$0")/.."
if [ ! -f ../shared/stard/train.json ] || [ ! -d ../shared/corpus/lawrefbook-laws ]; then
	echo "stard: ../shared/stard or ../shared/corpus not found: nothing to measure"
	exit 0
fi
TIAOLI_STARD_FEATURES=${STARD_FEATURES:-} TIAOLI_STARD=1 TIAOLI_STARD_INDEX=${STARD_INDEX:-} TIAOLI_STARD_OUT=${STARD_OUT:-} \
	go test -count=1 -v -run '^TestSTARD$' -timeout 60m ./search/ | grep -v '^ok\|^PASS\|^=== RUN\|^--- PASS'
