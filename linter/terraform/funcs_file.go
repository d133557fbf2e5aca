package terraform

import (
	"encoding/base64"
	"errors"
	"os"
	"path"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"

	"github.com/ekslint/ekslint/linter/regular"
)

// MaxFileSize bounds what one call to file, filebase64 or templatefile
// reads. A larger file makes the call unknown, with a located warning.
const MaxFileSize = 1 << 20

// fileFunction returns the file function called name, bound to the
// module; ok is false when name is not one. Paths are relative to the root
// module's folder, as Terraform resolves them (path.module names the
// module's folder relative to it).
func (m *module) fileFunction(name string) (f function.Function, ok bool) {
	switch name {
	case "file":
		f = m.readFunc(func(s string) (cty.Value, error) {
			if !utf8.ValidString(s) {
				return cty.UnknownVal(cty.String), errors.New("the file is not valid UTF-8; use filebase64")
			}
			return cty.StringVal(s), nil
		})
	case "filebase64":
		f = m.readFunc(func(s string) (cty.Value, error) {
			return cty.StringVal(base64.StdEncoding.EncodeToString([]byte(s))), nil
		})
	case "fileexists":
		f = function.New(&function.Spec{
			Params: []function.Parameter{{Name: "path", Type: cty.String}},
			Type:   function.StaticReturnType(cty.Bool),
			Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
				full, ok := m.filePath(args[0].AsString())
				if !ok || m.outsideRoots(full) {
					return cty.UnknownVal(cty.Bool), nil
				}
				info, err := os.Stat(filepath.FromSlash(full))
				return cty.BoolVal(err == nil && info.Mode().IsRegular()), nil
			},
		})
	case "templatefile":
		f = m.templateFileFunc()
	default:
		return f, false
	}
	return f, true
}

// filePath resolves a path given to a file function. Absolute paths and
// paths from the home folder depend on the machine that runs Terraform,
// so they are not read (ok false: the call is unknown).
func (m *module) filePath(p string) (string, bool) {
	if p == "" || strings.HasPrefix(p, "~") || path.IsAbs(p) || filepath.IsAbs(p) || filepath.VolumeName(p) != "" {
		return "", false
	}
	return path.Join(m.root, filepath.ToSlash(p)), true
}

// outsideRoots reports whether the file full (a path as filePath gives
// it), its links resolved, lies outside every one of m.roots. A file that
// cannot be resolved (it does not exist) is left to the read to report.
func (m *module) outsideRoots(full string) bool {
	if len(m.roots) == 0 {
		return false
	}
	real, err := regular.RealPath(filepath.FromSlash(full))
	if err != nil {
		return false
	}
	for _, r := range m.roots {
		if regular.Within(real, r) {
			return false
		}
	}
	return true
}

// readFile reads a file for a file function, bounded by MaxFileSize. A
// file that does not exist is unknown, not an error: it may be generated
// before Terraform runs. ok is false when the content cannot be known.
func (m *module) readFile(p string) (content string, ok bool, err error) {
	full, ok := m.filePath(p)
	if !ok {
		return "", false, nil
	}
	if c, seen := m.files[full]; seen {
		return c.content, c.ok, c.err
	}
	defer func() {
		if m.files == nil {
			m.files = map[string]readResult{}
		}
		m.files[full] = readResult{content, ok, err}
	}()
	if m.outsideRoots(full) {
		m.exceed("%s lies outside the folders being linted (through ../ or a link), and file functions read only inside them", p)
		return "", false, nil
	}
	b, err := regular.Read(filepath.FromSlash(full), MaxFileSize)
	var nr regular.NotRegularError
	var tl regular.TooLargeError
	switch {
	case errors.As(err, &nr):
		// Opened without waiting, so a named pipe cannot hold the run;
		// the value is unknown, with a located warning as for a bound.
		m.exceed("%s is %s", p, nr.Refusal())
		return "", false, nil
	case errors.As(err, &tl):
		m.exceed("%s is %v through file functions", p, tl)
		return "", false, nil
	case err != nil:
		return "", false, nil
	}
	return string(b), true, nil
}

// readResult is a file read once per module.
type readResult struct {
	content string
	ok      bool
	err     error
}

// readFunc is file or filebase64: read, then convert.
func (m *module) readFunc(convert func(string) (cty.Value, error)) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "path", Type: cty.String}},
		Type:   function.StaticReturnType(cty.String),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			s, ok, err := m.readFile(args[0].AsString())
			if err != nil || !ok {
				return cty.UnknownVal(cty.String), err
			}
			return convert(s)
		},
	})
}

// templateFileFunc is templatefile: the file is parsed as a template and
// evaluated with the variables given, and the module's functions except
// templatefile itself (Terraform forbids the recursion).
func (m *module) templateFileFunc() function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{
			{Name: "path", Type: cty.String},
			{Name: "vars", Type: cty.DynamicPseudoType, AllowUnknown: true, AllowDynamicType: true},
		},
		Type: function.StaticReturnType(cty.DynamicPseudoType),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			if m.inTemplate {
				return cty.DynamicVal, errors.New("templatefile cannot be called from a template")
			}
			vars := args[1]
			if !vars.IsWhollyKnown() || vars.IsNull() || !(vars.Type().IsObjectType() || vars.Type().IsMapType()) {
				return cty.DynamicVal, nil
			}
			p := args[0].AsString()
			src, ok, err := m.readFile(p)
			if err != nil || !ok {
				return cty.DynamicVal, err
			}
			full, _ := m.filePath(p)
			if templateNesting([]byte(src)) >= 0 {
				m.exceed("%s nests more than %d levels deep; ekslint does not parse it", p, maxNesting)
				return cty.DynamicVal, nil
			}
			if textBound([]byte(src), maxTokens) >= 0 {
				m.exceed("%s holds more than %d tokens; ekslint does not parse it", p, maxTokens)
				return cty.DynamicVal, nil
			}
			expr, diags := hclsyntax.ParseTemplate([]byte(src), full, hcl.InitialPos)
			if diags.HasErrors() {
				return cty.DynamicVal, diags
			}
			ctx := &hcl.EvalContext{Variables: vars.AsValueMap(), Functions: m.functions()}
			if ctx.Variables == nil {
				ctx.Variables = map[string]cty.Value{}
			}
			m.prepare(expr)
			m.inTemplate = true
			defer func() { m.inTemplate = false }()
			v, diags := expr.Value(ctx)
			if diags.HasErrors() {
				return cty.DynamicVal, diags
			}
			return v, nil
		},
	})
}
