package main

import (
	"fmt"
	"io"
	"sync"
	"time"
)

// progress draws a one-line progress report (documents, failures,
// documents/s) on a terminal, redrawn at most five times a second. On a
// non-terminal it draws nothing.
type progress struct {
	w       io.Writer
	enabled bool
	start   time.Time
	last    time.Time
	mu      sync.Mutex
	drawn   bool
}

func newProgress(w io.Writer, enabled bool) *progress {
	now := time.Now()
	return &progress{w: w, enabled: enabled, start: now, last: now}
}

// update redraws the line if enough time has passed.
func (p *progress) update(docs, failed int) {
	if !p.enabled {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	now := time.Now()
	if now.Sub(p.last) < 200*time.Millisecond {
		return
	}
	p.last = now
	p.draw(docs, failed, now)
}

func (p *progress) draw(docs, failed int, now time.Time) {
	rate := float64(docs+failed) / now.Sub(p.start).Seconds()
	bar := []byte("[                    ]")
	spin := int(now.Sub(p.start)/(100*time.Millisecond)) % 20
	bar[1+spin] = '='
	fmt.Fprintf(p.w, "\r%s %d documents, %d failed, %.0f documents/s ", bar, docs, failed, rate)
	p.drawn = true
}

// done clears the line.
func (p *progress) done() {
	if !p.enabled || !p.drawn {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	fmt.Fprintf(p.w, "\r%80s\r", "")
}
