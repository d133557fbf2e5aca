package terraform

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclparse"

	"github.com/ekslint/ekslint/linter/corpus"
)

// corpusModules are the Terraform modules of the generated corpus the
// linter's benchmarks read (1,000 files, a third of them Terraform), each
// with its listing, as the engine passes them.
func corpusModules(b *testing.B) []benchModule {
	b.Helper()
	root := b.TempDir()
	if _, err := corpus.Generate(root, 1000); err != nil {
		b.Fatal(err)
	}
	dirs, _ := filepath.Glob(filepath.Join(root, "tf*"))
	var mods []benchModule
	for _, d := range dirs {
		src, err := os.ReadFile(filepath.Join(d, "main.tf"))
		if err != nil {
			b.Fatal(err)
		}
		entries, err := os.ReadDir(d)
		if err != nil {
			b.Fatal(err)
		}
		dir := filepath.ToSlash(d)
		mods = append(mods, benchModule{dir, []File{{Path: dir + "/main.tf", Src: src}}, entries})
	}
	return mods
}

type benchModule struct {
	dir     string
	files   []File
	listing []os.DirEntry
}

// BenchmarkLoadModule reads the corpus's Terraform modules, and
// BenchmarkParseModule only parses their files: the difference is the
// reader's own work (declarations, variables, adapting), which a CPU
// profile of the first shows apart from hcl's parsing.
func BenchmarkLoadModule(b *testing.B) {
	mods := corpusModules(b)
	b.ReportAllocs()
	for b.Loop() {
		for _, md := range mods {
			LoadModule(md.dir, md.files, Options{Listing: md.listing})
		}
	}
}

func BenchmarkParseModule(b *testing.B) {
	mods := corpusModules(b)
	b.ReportAllocs()
	for b.Loop() {
		for _, md := range mods {
			p := hclparse.NewParser()
			for _, f := range md.files {
				_, _ = p.ParseHCL(f.Src, f.Path)
			}
		}
	}
}

// BenchmarkReadModule is BenchmarkLoadModule without the parsing: each
// module's files are parsed once, before, and every read reuses them as a
// root reuses the files of a module it calls twice. What it measures is
// the reader's own work (the expressions' preparation, done on the first
// read, is the only part not repeated).
func BenchmarkReadModule(b *testing.B) {
	mods := corpusModules(b)
	parsed := make([]map[string]*hcl.File, len(mods))
	for i, md := range mods {
		m := newModule(md.dir)
		m.load(md.files, Options{Listing: md.listing})
		parsed[i] = m.parsed
	}
	b.ReportAllocs()
	for b.Loop() {
		for i, md := range mods {
			m := newModule(md.dir)
			m.parsed = parsed[i]
			m.load(md.files, Options{Listing: md.listing})
		}
	}
}
