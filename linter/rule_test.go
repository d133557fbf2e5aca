package linter

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
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

func TestClip(t *testing.T) {
	short := strings.Repeat("a", maxText)
	if clip(short) != short {
		t.Error("a text of maxText bytes is clipped")
	}
	long := strings.Repeat("é", 50000) + "[41]" // two bytes a rune
	got := clip(long)
	if len(got) > maxText+64 || !strings.HasSuffix(got, "[41]") || !strings.HasPrefix(got, "éé") || !utf8.ValidString(got) {
		t.Errorf("clip gave %d bytes, %q…%q", len(got), got[:8], got[len(got)-16:])
	}
	if !strings.Contains(got, "bytes)…") {
		t.Errorf("clip does not say what it left out: %q", got[maxText/2-8:maxText/2+24])
	}
}
