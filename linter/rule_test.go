package linter

import (
	"fmt"
	"strconv"
	"testing"
)

// TestMessageIsSprintf: the fast path for fixed sentences gives what
// fmt.Sprintf gives, with and without arguments, verbs and escapes.
func TestMessageIsSprintf(t *testing.T) {
	formats := []string{"", "the cluster's version", "100%", "%", "%%", "50%% of nodes", "%s", "%d is %q", "a % b", "%!", "trailing %"}
	argLists := [][]any{nil, {}, {"x"}, {1, "two"}, {nil}}
	for _, f := range formats {
		for _, args := range argLists {
			if got, want := message(f, args), fmt.Sprintf(f, args...); got != want {
				t.Errorf("message(%q, %v) = %q, Sprintf gives %q", f, args, got, want)
			}
		}
	}
}

// TestFindingListKeepsOrderAndPlaces: findings come back in the order
// added, and the place add returned still holds its finding after many
// more were added (Reported writes through it).
func TestFindingListKeepsOrderAndPlaces(t *testing.T) {
	var l findingList
	var places []*Finding
	for i := range 1000 {
		places = append(places, l.add(Finding{Message: strconv.Itoa(i)}))
	}
	for i, p := range places {
		p.Path = "p" + strconv.Itoa(i)
	}
	all := l.all()
	if len(all) != 1000 || l.n != 1000 {
		t.Fatalf("%d findings, n %d", len(all), l.n)
	}
	for i, f := range all {
		if f.Message != strconv.Itoa(i) || f.Path != "p"+strconv.Itoa(i) {
			t.Fatalf("finding %d is %q at %q", i, f.Message, f.Path)
		}
	}
	for _, b := range l.blocks {
		if cap(b) > maxBlock {
			t.Fatalf("a block of %d findings", cap(b))
		}
	}
}
