// Package e2e holds the browser tests of the built site: headless
// Chromium (Debian's chromium, which .ci/install-deps installs) driven by
// chromedp against a site rendered into a temporary folder. The tests skip
// with a message when chromium is absent.
//
// The site tests save screenshots of the home, a clause and a term page at
// desktop and phone widths under $TIAOLI_SCREENSHOTS, or e2e/screenshots/
// when it is unset.
package e2e
