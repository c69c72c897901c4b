package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestReport(t *testing.T) {
	in := strings.Join([]string{
		`{"Action":"run","Package":"p","Test":"TestA"}`,
		`{"Action":"output","Package":"p","Test":"TestA","Output":"=== RUN   TestA\n"}`,
		`{"Action":"output","Package":"p","Test":"TestA","Output":"    a_test.go:9: no chromium at /usr/bin/chromium: skipping\n"}`,
		`{"Action":"output","Package":"p","Test":"TestA","Output":"--- SKIP: TestA (0.00s)\n"}`,
		`{"Action":"skip","Package":"p","Test":"TestA"}`,
		`{"Action":"output","Package":"p","Test":"TestB","Output":"--- PASS: TestB (0.00s)\n"}`,
		`{"Action":"pass","Package":"p","Test":"TestB"}`,
		`{"Action":"output","Package":"p","Test":"TestC","Output":"    c_test.go:3: got 1, want 2\n"}`,
		`{"Action":"output","Package":"p","Test":"TestC","Output":"--- FAIL: TestC (0.00s)\n"}`,
		`{"Action":"fail","Package":"p","Test":"TestC"}`,
		`{"Action":"output","Package":"p","Output":"PASS\n"}`,
		`{"Action":"output","Package":"p","Output":"ok  \tp\t0.01s\n"}`,
		`{"Action":"pass","Package":"p"}`,
	}, "\n")
	r := newReport()
	var out bytes.Buffer
	r.read(strings.NewReader(in), &out)
	r.summary(&out)
	got := out.String()
	if strings.Contains(got, "--- PASS") || strings.Contains(got, "=== RUN") {
		t.Errorf("output holds what go test prints only with -v:\n%s", got)
	}
	for _, want := range []string{
		"    c_test.go:3: got 1, want 2\n--- FAIL: TestC (0.00s)\n",
		"1 test skipped:\n  p TestA: a_test.go:9: no chromium at /usr/bin/chromium: skipping\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
	if !strings.HasSuffix(got, "ok  \tp\t0.01s\n") {
		t.Errorf("output does not end with the closing line of go test:\n%s", got)
	}
}
