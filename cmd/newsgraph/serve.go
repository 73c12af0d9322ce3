package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/httpapi"
)

func init() {
	register(command{name: "serve", summary: "serve the dashboard at / and the JSON HTTP API under /api/ (OpenAPI at /api/openapi.json)", run: runServe})
}

const serveExamples = `  newsgraph serve                      # then open http://127.0.0.1:8080/ in a browser
  newsgraph serve --addr 127.0.0.1:9000 --db archive.db
  NEWSGRAPH_TOKEN=s3cret newsgraph serve --addr 0.0.0.0:8080 --allow-host news.example.org
  curl -H 'Authorization: Bearer s3cret' http://news.example.org:8080/api/stats
  curl 'http://127.0.0.1:8080/api/events?actor=SYR&root=19&since=2024-01-01&limit=20'
  curl 'http://127.0.0.1:8080/api/search?q=ceasefire'
  curl http://127.0.0.1:8080/api/openapi.json`

// shutdownGrace is how long in-flight requests get after SIGINT or SIGTERM.
const shutdownGrace = 5 * time.Second

// hostList is a repeatable, comma-separated flag of host names.
type hostList []string

func (h *hostList) String() string { return strings.Join(*h, ",") }
func (h *hostList) Set(v string) error {
	for _, x := range strings.Split(v, ",") {
		if x = strings.TrimSpace(x); x != "" {
			*h = append(*h, x)
		}
	}
	return nil
}

func runServe(ctx context.Context, e *env, argv []string) int {
	fs := newFlagSet(e, "serve", "serve [--addr HOST:PORT] [--db FILE]", serveExamples)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on (port 0 picks a free port)")
	db := storeFlag(fs)
	var hosts hostList
	fs.Var(&hosts, "allow-host", "a host name (or address) clients may use besides the loopback names; repeatable, comma-separated")
	token := fs.String("token", "", "require this bearer token on every API request (default $NEWSGRAPH_TOKEN); needed when --addr is not loopback")
	timeout := fs.Duration("query-timeout", httpapi.DefaultQueryTimeout, "longest time one API request may take")
	if code, done := parseFlags(e, fs, argv); done {
		return code
	}
	if len(args(fs)) > 0 {
		writeErr(e.stderr, "serve: unexpected arguments %q", args(fs))
		return exitUsage
	}
	if *token == "" {
		*token = os.Getenv("NEWSGRAPH_TOKEN")
	}
	if !httpapi.IsLoopback(*addr) && *token == "" {
		writeErr(e.stderr, "serve: --addr %s is reachable beyond this machine: give --token (or NEWSGRAPH_TOKEN) so that only you can read the store", *addr)
		return exitUsage
	}
	if h, _, err := net.SplitHostPort(*addr); err == nil && h != "" {
		if ip := net.ParseIP(h); ip == nil || !ip.IsUnspecified() {
			hosts = append(hosts, h)
		}
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
	api.QueryTimeout = *timeout
	api.OnError = func(r *http.Request, err error) {
		writeErr(e.stderr, "serve: %s %s: %v", r.Method, r.URL, err)
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		writeErr(e.stderr, "serve: %v", err)
		return exitFailure
	}
	guarded := httpapi.Guard{Hosts: hosts, Token: *token}.Wrap(api)
	srv := &http.Server{Handler: guarded, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 15 * time.Second,
		WriteTimeout: *timeout + 30*time.Second, IdleTimeout: 2 * time.Minute}
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
	fmt.Fprintln(e.stderr, "newsgraph: server stopped (in-flight requests finished)")
	return exitOK
}
