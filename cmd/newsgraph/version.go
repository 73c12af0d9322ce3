package main

import (
	"context"
	"fmt"
	"runtime/debug"

	"github.com/newsgraph/newsgraph/document"
)

// version is set at build time with -ldflags "-X main.version=v1.2.3".
var version = "dev"

func init() {
	register(command{name: "version", summary: "print the version, Go version and output contract version", run: runVersion})
}

func runVersion(ctx context.Context, e *env, argv []string) int {
	fs := newFlagSet(e, "version", "version", "  newsgraph version")
	if code, done := parseFlags(e, fs, argv); done {
		return code
	}
	v, goVersion, rev := version, "", ""
	if bi, ok := debug.ReadBuildInfo(); ok {
		goVersion = bi.GoVersion
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 12 {
				rev = s.Value[:12]
			}
		}
	}
	fmt.Fprintf(e.stdout, "newsgraph %s", v)
	if rev != "" {
		fmt.Fprintf(e.stdout, " (%s)", rev)
	}
	fmt.Fprintf(e.stdout, " %s, output contract v%s\n", goVersion, document.ContractVersion)
	return exitOK
}
