package config

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzLoad: any configuration file loads or fails with an error, never a panic.
func FuzzLoad(f *testing.F) {
	f.Add([]byte("enable: [EKS-CP-001]\nseverity: {EKS-CP-001: high}\nterraform: {vars: {a: b}}\n"))
	f.Add([]byte("rules: {EKS-CP-001: {x: [1, {y: *a}]}}\n"))
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, src []byte) {
		p := filepath.Join(dir, FileName)
		if err := os.WriteFile(p, src, 0o644); err != nil {
			t.Fatal(err)
		}
		_, _ = Load(p, func(string) bool { return true })
	})
}
