// Command tiaoli builds a static knowledge site of Chinese regulations and
// news from a content folder, and serves its search.
//
//	tiaoli parse [--json] PATH...        print the model of files or folders
//	tiaoli build [--content DIR] [--out DIR]
//	tiaoli serve --site DIR --addr HOST:PORT
//	tiaoli preview [--content DIR] [--addr HOST:PORT]   serve from memory, writing no site
//	tiaoli search --site DIR [--json] QUERY
//	tiaoli check [--site DIR]
//	tiaoli audit [--content DIR] [--class KEY]
//
// Every command takes -h. A usage error exits with status 2, a run that
// found problems in its input with status 1.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
)

// command is one subcommand: its one-line summary and the function that runs
// it with its arguments.
type command struct {
	summary string
	run     func(args []string, stdout, stderr io.Writer) int
}

var commands = map[string]command{
	"parse":   {"parse sources and print the model (--json)", runParse},
	"build":   {"build the site into public/", runBuild},
	"serve":   {"serve a built site and its search", runServe},
	"preview": {"serve the site from memory and rebuild on every change of the content; pages reload themselves", runPreview},
	"search":  {"search a built site from the command line", runSearch},
	"check":   {"check a built site for broken links and anchors", runCheck},
	"audit":   {"list places where the parser has probably misread a text", runAudit},
	"publish": {"publish a built site folder, or roll back to the previous build (--rollback)", runPublish},
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return 2
	}
	if args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stdout)
		return 0
	}
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "tiaoli: unknown command %q\n", args[0])
		usage(stderr)
		return 2
	}
	return cmd.run(args[1:], stdout, stderr)
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: tiaoli COMMAND [flags] [args]")
	fmt.Fprintln(w, "\ncommands:")
	for _, name := range slices.Sorted(maps.Keys(commands)) {
		fmt.Fprintf(w, "  %-7s %s\n", name, commands[name].summary)
	}
	fmt.Fprintln(w, "\nRun 'tiaoli COMMAND -h' for a command's flags.")
}

// newFlags makes a flag set for a subcommand that reports errors instead of
// exiting, with a usage line.
func newFlags(name, synopsis string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "usage: tiaoli %s %s\n", name, synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args and returns the exit status to use when parsing
// stopped the command: 0 after -h, 2 after a usage error, -1 to go on.
func parseFlags(fs *flag.FlagSet, args []string, stdout io.Writer) int {
	// The flag package prints its complaint and the usage itself; hold it
	// back so that -h prints the usage once, on stdout.
	stderr := fs.Output()
	var held bytes.Buffer
	fs.SetOutput(&held)
	err := fs.Parse(args)
	fs.SetOutput(stderr)
	switch {
	case errors.Is(err, flag.ErrHelp):
		fs.SetOutput(stdout)
		fs.Usage()
		fs.SetOutput(stderr)
		return 0
	case err != nil:
		stderr.Write(held.Bytes())
		return 2
	}
	return -1
}

// missingFolder says in one line that a folder a flag names is not there,
// with a hint of what to do, and returns 2: the usage would bury it.
func missingFolder(fs *flag.FlagSet, what, dir, hint string) int {
	fmt.Fprintf(fs.Output(), "tiaoli %s: %s %q not found; %s (tiaoli %s -h lists the options)\n", fs.Name(), what, dir, hint, fs.Name())
	return 2
}

// plural writes a count and a noun, with an s when the count is not 1.
func plural(n int64, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// usageError prints a message and the usage of fs, and returns 2.
func usageError(fs *flag.FlagSet, format string, args ...any) int {
	fmt.Fprintf(fs.Output(), "tiaoli %s: %s\n", fs.Name(), fmt.Sprintf(format, args...))
	fs.Usage()
	return 2
}
