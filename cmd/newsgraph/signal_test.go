package main

import (
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
)

// child starts this test binary as the newsgraph command (TestMain).
func child(t *testing.T, stdin io.Reader, args ...string) (*exec.Cmd, *lockedBuffer) {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "NEWSGRAPH_TEST_MAIN=1")
	cmd.Stdin = stdin
	var stderr lockedBuffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	return cmd, &stderr
}

func waitFor(t *testing.T, buf *lockedBuffer, re *regexp.Regexp) []string {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if m := re.FindStringSubmatch(buf.String()); m != nil {
			return m
		}
	}
	t.Fatalf("no %s in: %s", re, buf.String())
	return nil
}

// TestServe_SIGTERM: serve shuts down gracefully on SIGTERM and exits 0.
func TestServe_SIGTERM(t *testing.T) {
	db := testDB(t)
	cmd, stderr := child(t, nil, "serve", "--addr", "127.0.0.1:0", "--db", db)
	addr := waitFor(t, stderr, regexp.MustCompile(`http://(127\.0\.0\.1:\d+)/api/`))[1]
	resp, err := http.Get("http://" + addr + "/api/stats")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 || resp.Header.Get("Cache-Control") != "no-store" {
		t.Errorf("stats: %d %v", resp.StatusCode, resp.Header)
	}
	req, _ := http.NewRequest("GET", "http://"+addr+"/api/stats", nil)
	req.Host = "attacker.example"
	if resp, err := http.DefaultClient.Do(req); err != nil || resp.StatusCode != http.StatusForbidden {
		t.Errorf("foreign Host: %v %v", resp, err)
	} else {
		resp.Body.Close()
	}
	cmd.Process.Signal(syscall.SIGTERM)
	err = cmd.Wait()
	if err != nil || !strings.Contains(stderr.String(), "server stopped") {
		t.Errorf("serve after SIGTERM: %v: %s", err, stderr.String())
	}
}

// TestIngest_Interrupted: Ctrl-C (SIGINT) during ingest stores what was
// read, prints the summary (no raw internal error) and exits 1.
func TestIngest_Interrupted(t *testing.T) {
	db := filepath.Join(t.TempDir(), "i.db")
	pr, pw, err := os.Pipe() // an *os.File: no copying goroutine for Wait to wait on
	if err != nil {
		t.Fatal(err)
	}
	defer pw.Close()
	cmd, stderr := child(t, pr, "ingest", "--db", db, "-")
	pr.Close()
	io.WriteString(pw, `{"id":"a","text":"Police in Oslo arrested two men on Tuesday."}`+"\n")
	time.Sleep(5 * time.Second) // read and processed (models load first); stdin stays open
	cmd.Process.Signal(os.Interrupt)
	err = cmd.Wait()
	out := stderr.String()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != exitFailure {
		t.Errorf("exit: %v, want 1", err)
	}
	for _, want := range []string{"interrupted: ingested into", "1 read, 1 stored"} {
		if !strings.Contains(out, want) {
			t.Errorf("stderr lacks %q: %s", want, out)
		}
	}
	if strings.Contains(out, "context canceled") {
		t.Errorf("raw internal error on stderr: %s", out)
	}
}
