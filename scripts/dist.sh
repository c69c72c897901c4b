#!/bin/sh
# make dist: a release folder dist/ with the static binary, the site built
# for a sub-path, the web server and systemd files, and DEPLOY.md.
#   BASE     the path the site is published under (default /fagui/)
#   CONTENT  the content folder to build (default content)
set -e
cd "$(dirname "$0")/.."
BASE=${BASE:-/fagui/}
CONTENT=${CONTENT:-content}
GO=${GO:-go}
case "$BASE" in /*/) ;; *) echo "dist: BASE must start and end with /: $BASE" >&2; exit 2 ;; esac

rm -rf dist
mkdir -p dist/deploy
CGO_ENABLED=0 $GO build -trimpath -ldflags "-s -w" -o dist/tiaoli ./cmd/tiaoli
./dist/tiaoli build --content "$CONTENT" --out dist/site --base "$BASE"
rm -f dist/site.lock

# The deploy files name /fagui/; a release for another path gets its own.
for f in nginx.conf tiaoli-proxy.conf apache.conf tiaoli.service; do
	sed "s#/fagui/#$BASE#g; s#/fagui\([^/]\)#${BASE%/}\1#g" "deploy/$f" > "dist/deploy/$f"
done
sed "s#/fagui/#$BASE#g" deploy/DEPLOY.md > dist/DEPLOY.md
git describe --always --dirty > dist/VERSION 2>/dev/null || date +%Y%m%d > dist/VERSION

echo
echo "Release in dist/ ($(cat dist/VERSION), site under $BASE, $(du -sh dist | cut -f1)):"
ls dist dist/deploy
echo "Read dist/DEPLOY.md to install it."
