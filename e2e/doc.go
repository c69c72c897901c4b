// Package e2e holds the browser tests of the built site: headless
// Chromium (Debian's chromium, which .ci/install-deps installs) driven by
// chromedp against a site rendered into a temporary folder. The tests skip
// with a message when chromium is absent.
//
// The site tests save screenshots of the home, a document, a clause and a
// term page at desktop (1280) and phone (390) widths, and of a clause in
// dark mode, under $TIAOLI_SCREENSHOTS, or e2e/screenshots/ when it is
// unset; TIAOLI_SCREENSHOTS_ALL=1 adds every other kind of page.
package e2e
