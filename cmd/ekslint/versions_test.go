package main

import (
	"strings"
	"testing"
)

const oldCluster = `resource "aws_eks_cluster" "a" {
  name    = "a"
  version = "1.33"
}
resource "aws_eks_cluster" "b" {
  name    = "b"
  version = "1.33"
}
`

func TestEKSVersionsFile(t *testing.T) {
	table := `{"generatedAt": "2027-01-01", "sources": ["test"], "versions": [
  {"version": "1.33", "eksRelease": "2025-05-29", "endOfStandard": "2027-06-01", "endOfExtended": "2028-06-01"}]}`
	dir := t.TempDir()
	write(t, dir, map[string]string{"main.tf": oldCluster, "v.json": table})

	// Built in: 1.33 is in extended support on 2026-09-01.
	_, out, errOut := ekslint(t, dir, "--as-of", "2026-09-01", "--enable", "EKS-CP-041", "main.tf")
	if strings.Count(out, "EKS-CP-041") != 2 || strings.Contains(errOut, "days old") {
		t.Errorf("built-in table:\n%s\n%s", out, errOut)
	}
	// The file says 1.33 is in standard support until 2027-06-01.
	_, out, errOut = ekslint(t, dir, "--as-of", "2026-09-01", "--eks-versions-file", "v.json", "main.tf")
	if strings.Contains(out, "EKS-CP-041") || strings.Contains(out, "EKS-CP-040") || errOut != "" {
		t.Errorf("table from a file:\n%s\n%s", out, errOut)
	}
	// A year later the built-in table is old: one note, however many clusters.
	_, _, errOut = ekslint(t, dir, "--as-of", "2027-09-01", "main.tf")
	if strings.Count(errOut, "days old") != 1 || !strings.Contains(errOut, "--eks-versions-file") {
		t.Errorf("stale table:\n%s", errOut)
	}
	// The note names the file it read.
	_, _, errOut = ekslint(t, dir, "--as-of", "2027-09-01", "--eks-versions-file", "v.json", "main.tf")
	if strings.Count(errOut, "days old") != 1 || !strings.Contains(errOut, "v.json") {
		t.Errorf("stale file:\n%s", errOut)
	}
	// An error names the file.
	write(t, dir, map[string]string{"bad.json": `{"generatedAt": "2027-01-01", "versions": [{"version": "one"}]}`})
	code, _, errOut := ekslint(t, dir, "--eks-versions-file", "bad.json", "main.tf")
	if code != 2 || !strings.Contains(errOut, "bad.json") || !strings.Contains(errOut, `"one"`) {
		t.Errorf("bad file: exit %d\n%s", code, errOut)
	}
}
