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
//
// What a run keeps is bounded: parsed syntax takes 14 to 20 times the bytes of
// its source, and a monorepo whose roots each call modules of their own (or
// hold their own copy under .terraform/modules) would otherwise keep all of
// it to the end of the run, where each root used to let its modules go when
// it was done. Past maxSharedSource bytes of source, a folder is read by each
// root for itself, as before. Which folders fit depends on which root asks
// first, but not the output: both ways parse the same bytes the same way.
type Modules struct {
	mu      sync.Mutex
	folders map[string]*moduleFolder
	room    int // the source bytes it may still keep; negative: no bound
}

// maxSharedSource bounds the source of the module folders a run's Modules
// keep: 4 MiB, about 60-80 MB of syntax.
const maxSharedSource = 4 << 20

// NewModules returns an empty cache for one run.
func NewModules() *Modules { return newModules(maxSharedSource) }

func newModules(room int) *Modules {
	return &Modules{folders: map[string]*moduleFolder{}, room: room}
}

// moduleFolder is what was read of one module folder.
type moduleFolder struct {
	once     sync.Once
	files    []File
	problems []source.Problem // listing and reading the folder
	parsed   map[string]parsedFile
	dropped  bool // it did not fit: each root reads it for itself
}

// parsedFile is one file of a module folder: its syntax and hcl's
// diagnostics, or deep, the problem that kept it from being parsed.
type parsedFile struct {
	file  *hcl.File
	diags hcl.Diagnostics
	deep  *source.Problem
}

// folder returns module folder dir, read and parsed on its first request,
// or nil when it does not fit in what c may still keep.
func (c *Modules) folder(dir string) *moduleFolder {
	c.mu.Lock()
	f, ok := c.folders[dir]
	if !ok {
		f = &moduleFolder{}
		c.folders[dir] = f
	}
	c.mu.Unlock()
	f.once.Do(func() {
		files, problems := moduleFiles(dir)
		size := 0
		for _, file := range files {
			size += len(file.Src)
		}
		c.mu.Lock()
		fits := c.room < 0 || size <= c.room
		if fits && c.room >= 0 {
			c.room -= size
		}
		c.mu.Unlock()
		if !fits {
			f.dropped = true
			return
		}
		f.files, f.problems = files, problems
		f.parsed = make(map[string]parsedFile, len(files))
		for _, file := range files {
			f.parsed[file.Path] = parseShared(file.Path, file.Src)
		}
	})
	if f.dropped {
		return nil
	}
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
