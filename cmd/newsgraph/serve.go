package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"

	"github.com/newsgraph/newsgraph/httpapi"
)

func init() {
	register(command{name: "serve", summary: "serve the dashboard at / and the JSON HTTP API under /api/ (OpenAPI at /api/openapi.json)", run: runServe})
}

const serveExamples = `  newsgraph serve                      # then open http://127.0.0.1:8080/ in a browser
  newsgraph serve --addr 127.0.0.1:9000 --db archive.db
  curl 'http://127.0.0.1:8080/api/events?actor=SYR&root=19&since=2024-01-01&limit=20'
  curl 'http://127.0.0.1:8080/api/search?q=ceasefire'
  curl http://127.0.0.1:8080/api/openapi.json`

// shutdownGrace is how long in-flight requests get after SIGINT.
const shutdownGrace = 5 * time.Second

func runServe(ctx context.Context, e *env, argv []string) int {
	fs := newFlagSet(e, "serve", "serve [--addr HOST:PORT] [--db FILE]", serveExamples)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on (port 0 picks a free port)")
	db := storeFlag(fs)
	if code, done := parseFlags(e, fs, argv); done {
		return code
	}
	if len(args(fs)) > 0 {
		writeErr(e.stderr, "serve: unexpected arguments %q", args(fs))
		return exitUsage
	}
	st, err := openExisting(ctx, *db)
	if err != nil {
		writeErr(e.stderr, "serve: %v", err)
		return exitFailure
	}
	defer st.Close()
	api, err := httpapi.New(st)
	if err != nil {
		writeErr(e.stderr, "serve: %v", err)
		return exitFailure
	}
	api.OnError = func(r *http.Request, err error) {
		writeErr(e.stderr, "serve: %s %s: %v", r.Method, r.URL, err)
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		writeErr(e.stderr, "serve: %v", err)
		return exitFailure
	}
	srv := &http.Server{Handler: api, ReadHeaderTimeout: 10 * time.Second, WriteTimeout: 60 * time.Second, IdleTimeout: 2 * time.Minute}
	fmt.Fprintf(e.stderr, "newsgraph: serving %s\n  dashboard  http://%s/\n  API        http://%s/api/ (OpenAPI at /api/openapi.json)\nCtrl-C stops\n", displayDB(*db), ln.Addr(), ln.Addr())
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		writeErr(e.stderr, "serve: %v", err)
		return exitFailure
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		writeErr(e.stderr, "serve: shutdown: %v", err)
		return exitFailure
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		writeErr(e.stderr, "serve: %v", err)
		return exitFailure
	}
	fmt.Fprintln(e.stderr, "newsgraph: server stopped")
	return exitOK
}
