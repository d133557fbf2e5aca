package linter

import (
	"bytes"
	"errors"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/ekslint/ekslint/linter/eksctl"
	"github.com/ekslint/ekslint/linter/kube"
	"github.com/ekslint/ekslint/linter/kustomize"
	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/regular"
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
//
// Only regular files are read: opening a named pipe would wait for a
// writer, and a device such as /dev/zero never ends. regular.Read checks
// the type of what it opened, never blocking on the open, so that a path
// changed after the walk listed it cannot slip by.
func readSource(p string) (src []byte, ok bool, problem *source.Problem) {
	fail := func(r source.Range, format string, args ...any) ([]byte, bool, *source.Problem) {
		pr := source.Errorf(r, format, args...)
		return nil, false, &pr
	}
	whole := source.InFile(p)
	src, err := regular.Read(filepath.FromSlash(p), MaxFileSize)
	var notRegular regular.NotRegularError
	var tooLarge regular.TooLargeError
	switch {
	case err == nil:
	case errors.As(err, &notRegular):
		return fail(whole, "%s", notRegular.Refusal())
	case errors.As(err, &tooLarge):
		return fail(whole, "the file is %v", tooLarge)
	default:
		return fail(whole, "cannot read: %s", plainError(err))
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
	start := source.PosOf(src, i)
	return source.Range{File: source.FileOf(p), Start: start, End: source.Pos{Line: start.Line, Col: start.Col + 1}}
}

// readYAML reads one YAML or JSON file and hands each document to the
// adapter that claims it: eksctl for ClusterConfig, kube for anything else
// with apiVersion and kind. Other YAML (CI workflows, Helm values) is not
// ours. A JSON file that is a Terraform plan goes to the plan reader.
func readYAML(p string) unitResult {
	var out unitResult
	src, ok, pr := readSource(p)
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
	// Each document is adapted as it is decoded and then let go: a file of
	// thousands of objects never has all their nodes in memory at once.
	file, problems := yamldoc.Each(p, src, func(d *yamldoc.Doc) {
		apiVersion, kind := d.APIVersionKind()
		var m *model.Model
		var ps []source.Problem
		switch {
		case eksctl.Is(apiVersion, kind):
			m, ps = eksctl.Adapt(d)
		case apiVersion != "" && kind != "":
			m, ps = kube.Adapt(d)
		default:
			return
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
	})
	out.problems = append(out.problems, problems...)
	out.files = []*source.File{file}
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
		r := readYAML(p)
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
		src, ok, pr := readSource(f)
		if pr != nil {
			out.problems = append(out.problems, *pr)
		}
		if ok {
			files = append(files, terraform.File{Path: f, Src: src})
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
