package main

import (
	"os"
	"testing"
)

// TestMain lets fault tests run this test binary as the newsgraph command
// in a child process (so it can be killed with SIGKILL): with
// NEWSGRAPH_TEST_MAIN=1 the binary runs the command line after its flags
// instead of the tests.
func TestMain(m *testing.M) {
	if os.Getenv("NEWSGRAPH_TEST_MAIN") == "1" {
		e := &env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr}
		ctx, stop := signalContext()
		code := run(ctx, e, os.Args[1:])
		stop()
		os.Exit(code)
	}
	os.Exit(m.Run())
}
