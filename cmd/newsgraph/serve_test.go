package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// lockedBuffer is a bytes.Buffer safe for one writer and one reader.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

func TestServe(t *testing.T) {
	db := testDB(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stdout, stderr lockedBuffer
	e := &env{stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr}
	done := make(chan int, 1)
	go func() { done <- run(ctx, e, []string{"serve", "--addr", "127.0.0.1:0", "--db", db}) }()

	re := regexp.MustCompile(`http://(127\.0\.0\.1:\d+)/api/`)
	var addr string
	for deadline := time.Now().Add(5 * time.Second); addr == "" && time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if m := re.FindStringSubmatch(stderr.String()); m != nil {
			addr = m[1]
		}
		select {
		case code := <-done:
			t.Fatalf("serve exited %d: %s", code, stderr.String())
		default:
		}
	}
	if addr == "" {
		t.Fatalf("server did not announce its address: %s", stderr.String())
	}
	if !strings.Contains(stderr.String(), "dashboard  http://"+addr+"/\n") {
		t.Errorf("serve does not print the dashboard's URL: %s", stderr.String())
	}
	resp, err := http.Get("http://" + addr + "/api/events?root=14")
	if err != nil {
		t.Fatal(err)
	}
	var page struct {
		Items []struct {
			DocID string `json:"doc_id"`
		} `json:"items"`
	}
	err = json.NewDecoder(resp.Body).Decode(&page)
	resp.Body.Close()
	if err != nil || resp.StatusCode != 200 || len(page.Items) != 2 {
		t.Errorf("GET events: %d %v %+v", resp.StatusCode, err, page)
	}
	resp, err = http.Get("http://" + addr + "/api/documents/nope")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 404 {
		t.Errorf("unknown id: status %d", resp.StatusCode)
	}

	cancel() // what SIGINT does through signal.NotifyContext
	select {
	case code := <-done:
		if code != exitOK || !strings.Contains(stderr.String(), "server stopped") {
			t.Errorf("serve exit %d: %s", code, stderr.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not shut down")
	}
}

func TestServe_Errors(t *testing.T) {
	db := testDB(t)
	cases := []struct {
		args     []string
		code     int
		inStderr string
		inStdout string
	}{
		{[]string{"serve", "--help"}, exitOK, "", "Examples:"},
		{[]string{"serve", "extra"}, exitUsage, "unexpected arguments", ""},
		{[]string{"serve", "--db", filepath.Join(t.TempDir(), "none.db")}, exitFailure, "no database at", ""},
		{[]string{"serve", "--db", db, "--addr", "256.1.1.1:99999", "--token", "t"}, exitFailure, "serve:", ""},
		{[]string{"serve", "--db", db, "--addr", "0.0.0.0:0"}, exitUsage, "give --token", ""},
		{[]string{"serve", "--db", db, "--addr", ":0"}, exitUsage, "give --token", ""},
		{[]string{"serve", "--db", db, "--query-timeout", "0s"}, exitUsage, "must be more than zero", ""},
	}
	for _, c := range cases {
		t.Run(strings.Join(c.args, " "), func(t *testing.T) {
			code, out, errs := runCLI(t, "", c.args...)
			if code != c.code || !strings.Contains(errs, c.inStderr) || !strings.Contains(out, c.inStdout) {
				t.Errorf("exit %d (want %d)\nstdout: %s\nstderr: %s", code, c.code, out, errs)
			}
		})
	}
}
