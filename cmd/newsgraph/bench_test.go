package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestBench_CPUAndWall checks that bench reports the process CPU time and,
// per stage, thread CPU time and wall time under their own names.
func TestBench_CPUAndWall(t *testing.T) {
	code, out, errOut := runCLI(t, "", "bench", "--workers", "1", "--json", "../../examples")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var r struct {
		Documents  int                `json:"documents"`
		CPUSeconds float64            `json:"cpu_seconds"`
		PerCPU     float64            `json:"documents_per_cpu_second"`
		StageCPU   map[string]float64 `json:"stage_cpu_seconds"`
		StageWall  map[string]float64 `json:"stage_wall_seconds"`
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if r.Documents == 0 || r.CPUSeconds <= 0 || r.PerCPU <= 0 {
		t.Errorf("documents %d, CPU %v s, %v per CPU-second", r.Documents, r.CPUSeconds, r.PerCPU)
	}
	for _, st := range []string{"text", "entities", "events"} {
		if _, ok := r.StageCPU[st]; !ok {
			t.Errorf("no CPU time for stage %s: %v", st, r.StageCPU)
		}
		if r.StageWall[st] <= 0 {
			t.Errorf("no wall time for stage %s: %v", st, r.StageWall)
		}
	}
	code, out, _ = runCLI(t, "", "bench", "--workers", "1", "../../examples")
	if code != 0 || !strings.Contains(out, "CPU time") || !strings.Contains(out, "thread CPU seconds") || !strings.Contains(out, "wall") {
		t.Errorf("text report does not label CPU and wall time:\n%s", out)
	}
}
