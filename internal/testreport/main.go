// Command testreport runs go test and says at the end which tests skipped
// and why: `go run ./internal/testreport [go test flags] [packages]`.
//
// It runs `go test -json` with the arguments given, prints what go test
// would have printed without -v (each package's result, and the output of
// the tests that fail), then a summary of the skipped tests with the message each
// gave, and last the closing line of go test again (ok …, FAIL …), which
// CI reads. It exits with go test's status. $GO names the go command
// ("go" by default).
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
)

// event is one line of go test -json (see go doc test2json).
type event struct {
	Action  string
	Package string
	Test    string
	Output  string
}

func main() {
	goCmd := os.Getenv("GO")
	if goCmd == "" {
		goCmd = "go"
	}
	cmd := exec.Command(goCmd, append([]string{"test", "-json"}, os.Args[1:]...)...)
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err == nil {
		err = cmd.Start()
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "testreport: %v\n", err)
		os.Exit(2)
	}
	r := newReport()
	r.read(out, os.Stdout)
	status := 0
	if err := cmd.Wait(); err != nil {
		var exit *exec.ExitError
		status = 1
		if errors.As(err, &exit) {
			status = exit.ExitCode()
		}
	}
	r.summary(os.Stdout)
	os.Exit(status)
}

// report gathers the output of each test and the skips.
type report struct {
	output  map[string][]string // by package and test
	skipped []skip
	closing string // the last line go test printed for a package
}

// skip is a skipped test and why.
type skip struct{ name, why string }

func newReport() *report { return &report{output: map[string][]string{}} }

// read copies the output of the events to w and records skips.
func (r *report) read(in io.Reader, w io.Writer) {
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		line := sc.Text()
		var e event
		if !strings.HasPrefix(line, "{") || json.Unmarshal([]byte(line), &e) != nil {
			fmt.Fprintln(w, line) // not an event: a build error, say
			r.closing = line
			continue
		}
		r.event(e, w)
	}
}

func (r *report) event(e event, w io.Writer) {
	key := e.Package + " " + e.Test
	switch e.Action {
	case "output":
		if e.Test != "" {
			r.output[key] = append(r.output[key], e.Output)
			return
		}
		if verbose(e.Output) {
			return
		}
		io.WriteString(w, e.Output)
		if t := strings.TrimSpace(e.Output); t != "" {
			r.closing = t
		}
	case "skip":
		if e.Test != "" {
			r.skipped = append(r.skipped, skip{name: e.Package + " " + e.Test, why: reason(r.output[key])})
		}
		delete(r.output, key)
	case "fail":
		for _, l := range r.output[key] {
			if !verbose(l) {
				io.WriteString(w, l)
			}
		}
		delete(r.output, key)
	case "pass":
		delete(r.output, key)
	}
}

// verbose reports a line that go test prints only with -v.
func verbose(line string) bool {
	t := strings.TrimSpace(line)
	for _, p := range []string{"=== RUN", "=== PAUSE", "=== CONT", "=== NAME", "--- PASS", "--- SKIP", "PASS"} {
		if strings.HasPrefix(t, p) && (p != "PASS" || t == "PASS") {
			return true
		}
	}
	return false
}

// reason is what a skipped test said: its log lines without the run and
// skip markers.
func reason(lines []string) string {
	var out []string
	for _, l := range lines {
		t := strings.TrimSpace(l)
		if t == "" || strings.HasPrefix(t, "=== ") || strings.HasPrefix(t, "--- SKIP") {
			continue
		}
		out = append(out, t)
	}
	if len(out) == 0 {
		return "(no reason given)"
	}
	return strings.Join(out, " ")
}

// summary prints the skipped tests, then the closing line again.
func (r *report) summary(w io.Writer) {
	if len(r.skipped) == 0 {
		fmt.Fprintln(w, "\nno test skipped")
	} else {
		noun := "tests"
		if len(r.skipped) == 1 {
			noun = "test"
		}
		fmt.Fprintf(w, "\n%d %s skipped:\n", len(r.skipped), noun)
		for _, s := range r.skipped {
			fmt.Fprintf(w, "  %s: %s\n", s.name, s.why)
		}
	}
	if r.closing != "" {
		fmt.Fprintln(w, r.closing)
	}
}
