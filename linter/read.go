package linter

import (
	"bytes"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/ekslint/ekslint/linter/eksctl"
	"github.com/ekslint/ekslint/linter/kube"
	"github.com/ekslint/ekslint/linter/kustomize"
	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
	"github.com/ekslint/ekslint/linter/terraform"
	"github.com/ekslint/ekslint/linter/yamldoc"
)

// MaxFileSize bounds what ekslint reads from one file. Infrastructure
// files are kilobytes; anything this large is generated or not ours.
const MaxFileSize = 16 << 20

var bom = []byte{0xEF, 0xBB, 0xBF}

// readSource reads a file and checks that it is text ekslint can parse.
// The byte-order mark is dropped (positions stay right: it precedes line 1
// column 1). ok is false when the file must be skipped; the problem says why.
// regular says that a folder listing just showed p as a regular file, so
// that its type need not be looked up again.
func readSource(p string, regular bool) (src []byte, ok bool, problem *source.Problem) {
	fail := func(r source.Range, format string, args ...any) ([]byte, bool, *source.Problem) {
		pr := source.Errorf(r, format, args...)
		return nil, false, &pr
	}
	whole := source.Range{File: p}
	if !regular {
		// Opening a named pipe blocks until something writes to it, and a
		// device such as /dev/zero never ends. A path named on the
		// command line or by a kustomization, or a symbolic link, may be
		// either: look it up. (A walked entry's type came with its
		// folder's listing, which spares a path lookup per file.)
		if info, err := os.Stat(filepath.FromSlash(p)); err == nil && !info.Mode().IsRegular() {
			return fail(whole, "not a regular file (%s); ekslint reads only regular files", fileType(info.Mode()))
		}
	}
	f, err := os.Open(filepath.FromSlash(p))
	if err != nil {
		return fail(whole, "cannot read: %s", plainError(err))
	}
	defer f.Close()
	src, err = readAll(f)
	if err != nil {
		return fail(whole, "cannot read: %s", plainError(err))
	}
	if len(src) > MaxFileSize {
		return fail(whole, "file is larger than %d MiB; ekslint does not read files this large", MaxFileSize>>20)
	}
	src = bytes.TrimPrefix(src, bom)
	if len(bytes.TrimSpace(src)) == 0 {
		if kindOf(p) == kindTerraform {
			return nil, false, nil // an empty variables.tf or outputs.tf is ordinary
		}
		pr := source.Notef(whole, "empty file: nothing to lint")
		return nil, false, &pr
	}
	if i := bytes.IndexByte(src, 0); i >= 0 {
		return fail(at(p, src, i), "binary file (it contains a NUL byte), not Terraform, YAML or JSON")
	}
	if !utf8.Valid(src) {
		i := firstInvalidUTF8(src)
		return fail(at(p, src, i), "not valid UTF-8 text (byte 0x%02x); save the file as UTF-8", src[i])
	}
	return src, true, nil
}

// fileType names the type of a file that is not a regular one.
func fileType(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "type " + m.Type().String()
}

func firstInvalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return 0
}

// at locates byte offset i of src as a one-character range.
func at(p string, src []byte, i int) source.Range {
	line := 1 + bytes.Count(src[:i], []byte{'\n'})
	start := bytes.LastIndexByte(src[:i], '\n') + 1
	col := 1 + utf8.RuneCount(src[start:i])
	return source.Range{File: p, Start: source.Pos{Line: line, Col: col}, End: source.Pos{Line: line, Col: col + 1}}
}

// readYAML reads one YAML or JSON file and hands each document to the
// adapter that claims it: eksctl for ClusterConfig, kube for anything else
// with apiVersion and kind. Other YAML (CI workflows, Helm values) is not
// ours. A JSON file that is a Terraform plan goes to the plan reader.
func readYAML(p string, regular bool) unitResult {
	var out unitResult
	src, ok, pr := readSource(p, regular)
	if pr != nil {
		out.problems = append(out.problems, *pr)
	}
	if !ok {
		return out
	}
	if strings.HasSuffix(strings.ToLower(p), ".json") && terraform.IsPlan(src) {
		l := terraform.LoadPlan(p, src)
		out.model, out.files = l.Model, l.Files
		out.problems = append(out.problems, l.Problems...)
		return out
	}
	docs, file, problems := yamldoc.Decode(p, src)
	out.problems = append(out.problems, problems...)
	out.files = []*source.File{file}
	for _, d := range docs {
		apiVersion, kind := d.APIVersionKind()
		var m *model.Model
		var ps []source.Problem
		switch {
		case eksctl.Is(apiVersion, kind):
			m, ps = eksctl.Adapt(d)
		case apiVersion != "" && kind != "":
			m, ps = kube.Adapt(d)
		default:
			continue
		}
		switch {
		case m == nil:
		case out.model == nil:
			// Most files hold one document: its model is the file's, as
			// merging it into an empty one would copy it. (Lint merges
			// every unit's model into the run's.)
			out.model = m
		default:
			out.model.Merge(m)
		}
		out.problems = append(out.problems, ps...)
	}
	return out
}

// readKustomize builds a kustomization offline. When kustomize cannot
// build it, the manifests it reads are linted one by one instead, so that
// a broken overlay never hides them.
func readKustomize(u unit) unitResult {
	res := kustomize.Build(u.kustomize)
	out := unitResult{model: res.Model, files: res.Files, problems: res.Problems}
	if res.Built {
		return out
	}
	for _, p := range u.kResources {
		r := readYAML(p, false)
		out.model.Merge(r.model)
		out.files = append(out.files, r.files...)
		out.problems = append(out.problems, r.problems...)
	}
	return out
}

// readTerraform reads a module folder's files and hands them to the
// Terraform adapter.
func readTerraform(u unit, opts Options) unitResult {
	var out unitResult
	var files []terraform.File
	for _, f := range u.tfFiles {
		src, ok, pr := readSource(f.path, f.regular)
		if pr != nil {
			out.problems = append(out.problems, *pr)
		}
		if ok {
			files = append(files, terraform.File{Path: f.path, Src: src})
		}
	}
	if u.tfOnly != nil {
		out.only = map[string]bool{}
		for _, f := range u.tfOnly {
			out.only[f] = true
		}
	}
	if len(files) == 0 {
		return out
	}
	topts := opts.Terraform
	topts.Listing = u.tfEntries
	l := terraform.LoadModule(u.tfDir, files, topts)
	out.model = l.Model
	out.files = l.Files
	out.problems = append(out.problems, l.Problems...)
	out.modules = l.Modules
	return out
}

// readAll reads f whole, up to one byte past MaxFileSize, into a buffer
// sized from its length when it is known: io.ReadAll would grow and copy
// its buffer several times for an ordinary file.
func readAll(f *os.File) ([]byte, error) {
	size := 512
	if info, err := f.Stat(); err == nil && info.Mode().IsRegular() {
		size = int(min(info.Size(), MaxFileSize)) + 1 // +1 so that EOF is seen without growing
	}
	buf := make([]byte, 0, size)
	r := io.LimitReader(f, MaxFileSize+1)
	for {
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return buf, err
		}
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)] // grow: the file is longer than it said
		}
	}
}
