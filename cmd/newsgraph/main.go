// Command newsgraph reads news and turns it into structured, evidence-backed
// data: entities, quotes with speakers, numeric claims, events and places.
//
// Each subcommand lives in its own file (extract.go, ingest.go, ...).
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"strings"
	"syscall"
)

// Exit codes shared by every command.
const (
	exitOK      = 0 // every document succeeded
	exitFailure = 1 // some documents (or the command) failed; the rest were processed
	exitUsage   = 2 // bad flags or arguments
)

// env is what a command may use: its streams and the working directory.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	// isTerminal reports whether stderr is a terminal (progress bars).
	isTerminal bool
}

// command is one subcommand.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, e *env, args []string) int
}

var commands = map[string]command{}

func register(c command) { commands[c.name] = c }

func main() {
	startGC()
	ctx, stop := signalContext()
	defer stop()
	e := &env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, isTerminal: stderrIsTerminal()}
	os.Exit(run(ctx, e, os.Args[1:]))
}

// signalContext is cancelled by SIGINT (Ctrl-C) or SIGTERM: both stop a
// command the same way (serve shuts down gracefully, ingest stores what it
// has read and prints its summary).
func signalContext() (context.Context, context.CancelFunc) {
	return signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
}

// run dispatches args to a subcommand and returns the exit code.
func run(ctx context.Context, e *env, args []string) int {
	if len(args) == 0 {
		usage(e.stderr)
		return exitUsage
	}
	switch args[0] {
	case "-h", "--help", "help":
		if len(args) > 1 {
			if c, ok := commands[args[1]]; ok {
				return c.run(ctx, e, []string{"--help"})
			}
		}
		usage(e.stdout)
		return exitOK
	case "-v", "--version":
		args[0] = "version"
	}
	c, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(e.stderr, "newsgraph: unknown command %q\n\n", args[0])
		usage(e.stderr)
		return exitUsage
	}
	return c.run(ctx, e, args[1:])
}

func usage(w io.Writer) {
	var b strings.Builder
	b.WriteString("newsgraph turns news articles into evidence-backed data: entities, quotes,\nnumeric claims, events and places, each with code point offsets into the text.\n\nUsage:\n  newsgraph <command> [flags] [arguments]\n\nCommands:\n")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(&b, "  %-9s %s\n", n, commands[n].summary)
	}
	b.WriteString("\nRun 'newsgraph <command> --help' for a command's flags and examples.\n")
	io.WriteString(w, b.String())
}
