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
// What a run keeps is bounded: parsed syntax takes about 200 bytes a node, 14
// to 54 times the bytes of its source, and a monorepo whose roots each call
// modules of their own (or hold their own copy under .terraform/modules)
// would otherwise keep all of it to the end of the run, where each root used
// to let its modules go when it was done. Past maxSharedNodes nodes, a folder
// is read by each root for itself, as before. Which folders fit depends on
// which root asks first, but not the output: both ways parse the same bytes
// the same way.
type Modules struct {
	mu      sync.Mutex
	folders map[string]*sharedFolder
	room    int // the syntax nodes it may still keep
}

// maxSharedNodes bounds the syntax the run's Modules keep: 100,000 nodes,
// about 20 MB (190-240 bytes a node in the terraform-aws-modules
// repositories, the generated corpus and locals-heavy modules alike).
const maxSharedNodes = 100_000

// NewModules returns an empty cache for one run.
func NewModules() *Modules { return newModules(maxSharedNodes) }

func newModules(room int) *Modules {
	return &Modules{folders: map[string]*sharedFolder{}, room: room}
}

// moduleFolder is what was read of one module folder.
type moduleFolder struct {
	files    []File
	problems []source.Problem // listing and reading the folder
	parsed   map[string]parsedFile
	nodes    int // of all its files' syntax
	tokens   int // of all its files, at most (see parseFile)
}

// sharedFolder is one folder of a run's Modules, read on its first request;
// folder is nil when it did not fit.
type sharedFolder struct {
	once   sync.Once
	folder *moduleFolder
}

// readFolder lists, reads and parses module folder dir.
func readFolder(dir string) *moduleFolder {
	f := &moduleFolder{}
	f.files, f.problems = moduleFiles(dir)
	f.parsed = make(map[string]parsedFile, len(f.files))
	left := maxModuleTokens
	for _, file := range f.files {
		p := parseShared(file.Path, file.Src, &left)
		f.parsed[file.Path] = p
		f.nodes += p.nodes
	}
	f.tokens = maxModuleTokens - left
	return f
}

// parsedFile is one file of a module folder: its syntax and hcl's
// diagnostics, or refused, the problem that kept it from being parsed.
type parsedFile struct {
	file    *hcl.File
	diags   hcl.Diagnostics
	refused *source.Problem
	nodes   int // the syntax's nodes, what keeping it costs
}

// folder returns module folder dir, read and parsed on its first request.
// When it does not fit in what c may still keep, it returns nil, and to the
// caller that read it what it read (mine), to keep for itself.
func (c *Modules) folder(dir string) (f, mine *moduleFolder) {
	c.mu.Lock()
	e, ok := c.folders[dir]
	if !ok {
		e = &sharedFolder{}
		c.folders[dir] = e
	}
	c.mu.Unlock()
	e.once.Do(func() {
		r := readFolder(dir)
		c.mu.Lock()
		fits := r.nodes <= c.room
		if fits {
			c.room -= r.nodes
		}
		c.mu.Unlock()
		if fits {
			e.folder = r
		} else {
			mine = r
		}
	})
	return e.folder, mine
}

// parseShared parses one file of a module folder for every root that calls
// it, with its hooks planted. A panic in the parser becomes the file's
// problem: the folder is read once, and every root must see the same.
func parseShared(path string, src []byte, left *int) (p parsedFile) {
	defer func() {
		if x := recover(); x != nil {
			pr := source.Errorf(source.InFile(path), "internal error while reading this file (please report it): %v\n%s", x, debug.Stack())
			p = parsedFile{refused: &pr}
		}
	}()
	p = parseFile(path, src, left)
	switch {
	case p.refused != nil:
	case isJSONFile(path):
		// JSON expressions are evaluated afresh each time (jsonexpr.go):
		// nothing is planted in them, and their nodes are not walked to
		// be counted: one per 8 bytes of text is taken instead.
		p.nodes = len(src)/8 + 1
	default:
		p.nodes = 1
		if body, ok := p.file.Body.(*hclsyntax.Body); ok {
			p.nodes = hookAll(body)
		}
	}
	return p
}

// parseFile parses one file: JSON syntax for .json names, native syntax
// else. A file nested too deep to parse without exhausting the stack, or
// with too many tokens to parse in bounded memory, is not parsed: refused
// says where. left, when not nil, is what the files of the file's module
// folder may still hold of tokens together; the file's are taken from it.
func parseFile(path string, src []byte, left *int) parsedFile {
	deep := hclNesting
	if isJSONFile(path) {
		deep = jsonNesting
	}
	if at := deep(src); at >= 0 {
		pr := tooDeep(path, src, at)
		return parsedFile{refused: &pr}
	}
	count, limit := tokens, maxTokens
	if isJSONFile(path) {
		count, limit = bytesCount, maxJSONTokens
	}
	module := left != nil && *left < limit
	if module {
		limit = *left
	}
	// No more tokens than bytes, and the end: a file that short needs no
	// count.
	n := len(src) + 1
	if n > limit {
		var at int
		if n, at = count(src, limit); at >= 0 {
			pr := tooManyTokens(path, src, at, limit)
			if module {
				pr = tooManyModuleTokens(path, src, at)
			}
			return parsedFile{refused: &pr}
		}
	}
	if left != nil {
		*left -= n
	}
	if isJSONFile(path) {
		f, diags := json.Parse(src, path)
		return parsedFile{file: f, diags: diags}
	}
	f, diags := hclsyntax.ParseConfig(src, path, hcl.InitialPos)
	return parsedFile{file: f, diags: diags}
}

func isJSONFile(path string) bool { return strings.HasSuffix(strings.ToLower(path), ".json") }

// hookAll plants prepare's hooks in every expression of body, as prepare
// would plant them in each expression evaluated, and returns how many
// nodes the body has.
func hookAll(body *hclsyntax.Body) int {
	n := 0
	_ = hclsyntax.VisitAll(body, func(node hclsyntax.Node) hcl.Diagnostics {
		plantHooks(node)
		n++
		return nil
	})
	return n
}
