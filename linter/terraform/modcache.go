package terraform

import (
	"runtime/debug"
	"strings"
	"sync"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hashicorp/hcl/v2/json"

	"github.com/ekslint/ekslint/linter/source"
)

// Modules holds, for one run, the module folders that local module calls
// reach: each is listed, read and parsed once for every root module of the
// run, however many calls reach it. A folder of shared modules called by a
// hundred roots was parsed a hundred times, and 200 folders that each call
// all the others were parsed 10,000 times.
//
// Parsed files are shared by roots read in parallel, so nothing may write to
// them once they are here: the hooks that prepare plants in an expression
// when it is first evaluated are planted in every expression of the file
// before it is shared (hookAll), and prepare then finds them in place.
type Modules struct {
	mu      sync.Mutex
	folders map[string]*moduleFolder
}

// NewModules returns an empty cache for one run.
func NewModules() *Modules { return &Modules{folders: map[string]*moduleFolder{}} }

// moduleFolder is what was read of one module folder.
type moduleFolder struct {
	once     sync.Once
	files    []File
	problems []source.Problem // listing and reading the folder
	parsed   map[string]parsedFile
}

// parsedFile is one file of a module folder: its syntax and hcl's
// diagnostics, or deep, the problem that kept it from being parsed.
type parsedFile struct {
	file  *hcl.File
	diags hcl.Diagnostics
	deep  *source.Problem
}

// folder returns module folder dir, read and parsed on its first request.
func (c *Modules) folder(dir string) *moduleFolder {
	c.mu.Lock()
	f, ok := c.folders[dir]
	if !ok {
		f = &moduleFolder{}
		c.folders[dir] = f
	}
	c.mu.Unlock()
	f.once.Do(func() {
		f.files, f.problems = moduleFiles(dir)
		f.parsed = make(map[string]parsedFile, len(f.files))
		for _, file := range f.files {
			f.parsed[file.Path] = parseShared(file.Path, file.Src)
		}
	})
	return f
}

// parseShared parses one file of a module folder for every root that calls
// it, with its hooks planted. A panic in the parser becomes the file's
// problem: the folder is read once, and every root must see the same.
func parseShared(path string, src []byte) (p parsedFile) {
	defer func() {
		if x := recover(); x != nil {
			pr := source.Errorf(source.InFile(path), "internal error while reading this file (please report it): %v\n%s", x, debug.Stack())
			p = parsedFile{deep: &pr}
		}
	}()
	isJSON := strings.HasSuffix(strings.ToLower(path), ".json")
	deep := hclNesting
	if isJSON {
		deep = jsonNesting
	}
	if at := deep(src); at >= 0 {
		pr := tooDeep(path, src, at)
		return parsedFile{deep: &pr}
	}
	if isJSON {
		// JSON expressions are evaluated afresh each time (jsonexpr.go):
		// nothing is planted in them.
		f, diags := json.Parse(src, path)
		return parsedFile{file: f, diags: diags}
	}
	f, diags := hclsyntax.ParseConfig(src, path, hcl.Pos{Byte: 0, Line: 1, Column: 1})
	if f != nil {
		if body, ok := f.Body.(*hclsyntax.Body); ok {
			hookAll(body)
		}
	}
	return parsedFile{file: f, diags: diags}
}

// hookAll plants prepare's hooks in every expression of body, as prepare
// would plant them in each expression evaluated.
func hookAll(body *hclsyntax.Body) {
	_ = hclsyntax.VisitAll(body, func(n hclsyntax.Node) hcl.Diagnostics {
		plantHooks(n)
		return nil
	})
}
