package linter_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hashicorp/hcl/v2/hclparse"
	"sigs.k8s.io/kustomize/kyaml/yaml"

	"github.com/ekslint/ekslint/linter"
	"github.com/ekslint/ekslint/linter/corpus"
	"github.com/ekslint/ekslint/rules"
)

// corpusDir generates n files once per benchmark run.
func corpusDir(b *testing.B, n int) (string, corpus.Stats) {
	b.Helper()
	dir := b.TempDir()
	st, err := corpus.Generate(dir, n)
	if err != nil {
		b.Fatal(err)
	}
	return dir, st
}

func report(b *testing.B, files, bytes int) {
	b.SetBytes(int64(bytes))
	b.ReportMetric(float64(files)*float64(b.N)/b.Elapsed().Seconds(), "files/s")
}

// BenchmarkLint runs the whole pipeline (every rule) over generated corpora
// of growing size: the cost must grow linearly with the number of files.
//
//	go test -run '^$' -bench . -benchmem ./linter/
func BenchmarkLint(b *testing.B) {
	for _, n := range []int{100, 1000} {
		b.Run("generated-"+strconv.Itoa(n), func(b *testing.B) {
			dir, st := corpusDir(b, n)
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				res := linter.Lint(linter.Options{Paths: []string{dir}, Rules: rules.All()})
				if len(res.Findings) < st.Bad || len(res.Problems) != 0 {
					b.Fatalf("%d findings for %d bad objects, problems %v", len(res.Findings), st.Bad, res.Problems)
				}
			}
			report(b, st.Files, st.Bytes)
		})
	}
	for _, c := range []string{"eksctl-examples", "kubernetes-examples"} {
		dir := filepath.Join("..", "..", "shared", "corpora", c)
		if _, err := os.Stat(dir); err != nil {
			continue
		}
		b.Run("corpora/"+c, func(b *testing.B) {
			files, bytes := walk(b, dir)
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				linter.Lint(linter.Options{Paths: []string{dir}, Rules: rules.All()})
			}
			report(b, len(files), bytes)
		})
	}
}

// BenchmarkModuleCalls lints a monorepo of root modules that call shared
// local modules: each of 100 roots calls 5 of 20 modules, and each module
// calls a shared tags module. Every called folder is parsed once for the
// run (terraform.Modules); each call still evaluates its module with the
// inputs it passes.
//
//	go test -run '^$' -bench ModuleCalls -benchmem ./linter/
func BenchmarkModuleCalls(b *testing.B) {
	dir := b.TempDir()
	files := map[string]string{"modules/tags/main.tf": `variable "team" {}
output "tags" {
  value = { team = var.team, owner = "platform-${var.team}" }
}
`}
	for m := 0; m < 20; m++ {
		files[fmt.Sprintf("modules/m%02d/main.tf", m)] = fmt.Sprintf(`variable "name" {}
variable "public" { default = false }
variable "groups" { default = { a = "t3.large", b = "m5.large" } }
module "tags" {
  source = "../tags"
  team   = "t%[1]d"
}
locals {
  subnets = [for z in ["a", "b", "c"] : "subnet-${var.name}-${z}"]
}
resource "aws_eks_cluster" "this" {
  name     = "${var.name}-%[1]d"
  role_arn = "arn:aws:iam::111122223333:role/eks"
  vpc_config {
    subnet_ids             = local.subnets
    endpoint_public_access = var.public
  }
  tags = module.tags.tags
}
resource "aws_eks_node_group" "this" {
  for_each      = var.groups
  cluster_name  = aws_eks_cluster.this.name
  node_role_arn = "arn:aws:iam::111122223333:role/node"
  subnet_ids    = local.subnets
  instance_types = [each.value]
  scaling_config {
    desired_size = 2
    max_size     = 4
    min_size     = 1
  }
}
`, m)
	}
	for r := 0; r < 100; r++ {
		var calls strings.Builder
		for k := 0; k < 5; k++ {
			fmt.Fprintf(&calls, "module \"c%d\" {\n  source = \"../../modules/m%02d\"\n  name   = \"r%d\"\n  public = %v\n}\n", k, (r*5+k)%20, r, r%2 == 0)
		}
		files[fmt.Sprintf("live/r%03d/main.tf", r)] = calls.String()
	}
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	opts := linter.Options{Paths: []string{dir}, Rules: rules.All()}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		res := linter.Lint(opts)
		// The calls' clusters have findings; those of one module at one
		// place with the same message, from several roots, are one.
		if len(res.Findings) < 200 || len(res.Problems) != 0 {
			b.Fatalf("%d findings, problems %v", len(res.Findings), res.Problems)
		}
	}
}

// BenchmarkParseOnly is the floor the whole run is measured against: only
// parsing the same generated files with hcl and yaml.v3, in parallel.
func BenchmarkParseOnly(b *testing.B) {
	for _, n := range []int{100, 1000} {
		b.Run("generated-"+strconv.Itoa(n), func(b *testing.B) {
			dir, st := corpusDir(b, n)
			files, _ := walk(b, dir)
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				parseAll(b, files)
			}
			report(b, st.Files, st.Bytes)
		})
	}
}

// BenchmarkLintVsParse measures the whole run against the parse-only
// floor side by side: each iteration parses the files and lints them, so
// that both see the same machine load, and it reports the ratio (target:
// 1.3 at most). The run is timed twice: as the ekslint command runs it,
// with its collector setting (linter.TuneGC), and with the default one the
// floor runs with, so that the ratio of the work alone is known too.
//
//	go test -run '^$' -bench LintVsParse -benchtime 20x ./linter/
func BenchmarkLintVsParse(b *testing.B) {
	dir, st := corpusDir(b, 1000)
	files, _ := walk(b, dir)
	opts := linter.Options{Paths: []string{dir}, Rules: rules.All()}
	// timed runs one phase from a collected heap: otherwise the parse
	// would run under the heap goal the lint's live models set, with almost
	// no collection, and the lint under the parse's small one.
	timed := func(phase func()) (wall, cpu time.Duration) {
		runtime.GC()
		t, c := time.Now(), corpus.CPUTime()
		phase()
		return time.Since(t), corpus.CPUTime() - c
	}
	lintOnce := func() {
		if res := linter.Lint(opts); len(res.Findings) < st.Bad {
			b.Fatalf("%d findings for %d bad objects", len(res.Findings), st.Bad)
		}
	}
	phases := []struct {
		name string
		run  func() (wall, cpu time.Duration)
		// the sums and the iterations' ratios to the parse
		wall, cpu         time.Duration
		ratios, cpuRatios []float64
	}{
		{name: "parse", run: func() (time.Duration, time.Duration) { return timed(func() { parseAll(b, files) }) }},
		{name: "lint", run: func() (time.Duration, time.Duration) {
			restore := linter.TuneGC()
			defer restore()
			return timed(lintOnce)
		}},
		{name: "lint-default-gc", run: func() (time.Duration, time.Duration) { return timed(lintOnce) }},
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		// The phases take turns going first, so that none always runs on
		// caches another warmed.
		walls := make([]time.Duration, len(phases))
		cpus := make([]time.Duration, len(phases))
		for k := range phases {
			j := (i + k) % len(phases)
			walls[j], cpus[j] = phases[j].run()
		}
		for j := range phases {
			ph := &phases[j]
			ph.wall, ph.cpu = ph.wall+walls[j], ph.cpu+cpus[j]
			ph.ratios = append(ph.ratios, float64(walls[j])/float64(walls[0]))
			if cpus[0] > 0 {
				ph.cpuRatios = append(ph.cpuRatios, float64(cpus[j])/float64(cpus[0]))
			}
		}
	}
	parse := phases[0]
	b.ReportMetric(float64(parse.wall.Milliseconds())/float64(b.N), "parse-ms/op")
	for _, ph := range phases[1:] {
		b.ReportMetric(float64(ph.wall.Milliseconds())/float64(b.N), ph.name+"-ms/op")
		b.ReportMetric(float64(ph.wall)/float64(parse.wall), ph.name+"/parse")
		// The median of the iterations' own ratios: a burst of load from
		// elsewhere on a shared machine lands in one phase of one iteration
		// and moves the ratio of the sums, but hardly the median.
		b.ReportMetric(median(ph.ratios), "median-"+ph.name+"/parse")
		// The process's CPU time (user and system) per phase: on a shared
		// machine it moves far less than the wall clock, though it does
		// not show how well the work spreads over the cores.
		if parse.cpu > 0 {
			b.ReportMetric(float64(ph.cpu)/float64(parse.cpu), "cpu-"+ph.name+"/parse")
			b.ReportMetric(median(ph.cpuRatios), "median-cpu-"+ph.name+"/parse")
		}
	}
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	if n := len(s); n%2 == 0 {
		return (s[n/2-1] + s[n/2]) / 2
	}
	return s[len(s)/2]
}

func walk(b *testing.B, dir string) ([]string, int) {
	var files []string
	bytes := 0
	_ = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if info, err := d.Info(); err == nil {
				bytes += int(info.Size())
			}
			files = append(files, p)
		}
		return err
	})
	return files, bytes
}

// parseAll is the floor: read and parse every file, nothing else, on
// GOMAXPROCS goroutines taking the next file from a shared counter (as
// Lint takes units), so that the floor pays no more for handing out work
// than the run it is compared with.
func parseAll(b *testing.B, files []string) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1) - 1); i < len(files); i = int(next.Add(1) - 1) {
				parseFile(b, files[i])
			}
		}()
	}
	wg.Wait()
}

func parseFile(b *testing.B, p string) {
	src, err := os.ReadFile(p)
	if err != nil {
		b.Error(err)
		return
	}
	if strings.HasSuffix(p, ".tf") {
		_, _ = hclparse.NewParser().ParseHCL(src, p)
		return
	}
	dec := yaml.NewDecoder(bytes.NewReader(src))
	for {
		var n yaml.Node
		if dec.Decode(&n) != nil {
			return
		}
	}
}
