package source

import (
	"fmt"
	"sync"
	"testing"
)

func TestFileOfGivesOneNumberAPath(t *testing.T) {
	if FileOf("") != 0 || FileID(0).Path() != "" {
		t.Fatal("the empty path must be the zero FileID")
	}
	a, b := FileOf("fileid_test/a.tf"), FileOf("fileid_test/b.tf")
	if a == 0 || b == 0 || a == b {
		t.Fatalf("a=%d b=%d: two paths need two non-zero numbers", a, b)
	}
	if FileOf("fileid_test/a.tf") != a || a.Path() != "fileid_test/a.tf" || b.String() != "fileid_test/b.tf" {
		t.Errorf("a path must keep its number and the number its path")
	}
	if got := FileID(1 << 31).Path(); got != "" {
		t.Errorf("a number FileOf never gave: %q, want \"\"", got)
	}
}

// TestFileIDsOrderByPath: the numbers follow the order files were first
// seen in, which parallel readers make arbitrary; ranges must order by
// path whatever the numbers are.
func TestFileIDsOrderByPath(t *testing.T) {
	z, y := FileOf("fileid_test/z.yaml"), FileOf("fileid_test/y.yaml") // z first: z < y as numbers
	if z.Compare(y) <= 0 || y.Compare(z) >= 0 || FileOf("fileid_test/z.yaml").Compare(z) != 0 {
		t.Errorf("Compare must order by path, not by number")
	}
	ry, rz := InFile("fileid_test/y.yaml"), InFile("fileid_test/z.yaml")
	if !ry.Less(rz) || rz.Less(ry) {
		t.Errorf("Range.Less must order by path")
	}
	if ry.Path() != "fileid_test/y.yaml" || ry.Start.Line != 0 || ry.IsZero() {
		t.Errorf("InFile: %+v", ry)
	}
}

// TestFileOfInParallel: readers on every core ask at once; each path must
// still get exactly one number (run with -race to check the table too).
func TestFileOfInParallel(t *testing.T) {
	const workers, paths = 8, 200
	got := make([][]FileID, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range paths {
				// Each worker walks the paths from a different start.
				p := fmt.Sprintf("fileid_test/parallel/%d.tf", (i+w*paths/workers)%paths)
				got[w] = append(got[w], FileOf(p))
			}
		}()
	}
	wg.Wait()
	seen := map[FileID]string{}
	for w := range workers {
		for i, id := range got[w] {
			p := fmt.Sprintf("fileid_test/parallel/%d.tf", (i+w*paths/workers)%paths)
			if id.Path() != p {
				t.Fatalf("worker %d: %s got the number of %s", w, p, id.Path())
			}
			if q, ok := seen[id]; ok && q != p {
				t.Fatalf("%s and %s share number %d", p, q, id)
			}
			seen[id] = p
		}
	}
	if len(seen) != paths {
		t.Errorf("%d numbers for %d paths", len(seen), paths)
	}
}
