package terraform

import "github.com/zclconf/go-cty/cty"

// Why: cty's ElementIterator allocates the iterator and, for a list or a
// tuple, a fresh number for the key of every element (and a big.Int for
// most). Where only the elements matter, Index with a shared key costs
// neither.
//
// Why it is equivalent: for a known, unmarked list or tuple, Index(i)
// and the iterator's i-th Element both return the i-th stored element,
// with its type (the list's element type, the tuple's i-th), marks and
// all. TestElementAt compares both.

// indexKeys are the keys of the first elements of a list or tuple, made
// once: cty values are immutable, and Index only reads its key.
var indexKeys = func() (keys [64]cty.Value) {
	for i := range keys {
		keys[i] = cty.NumberIntVal(int64(i))
	}
	return keys
}()

// indexable says whether elementAt may read v: a known, unmarked, non-null
// list or tuple.
func indexable(v cty.Value) bool {
	ty := v.Type()
	return (ty.IsListType() || ty.IsTupleType()) && v.IsKnown() && !v.IsNull() && !v.IsMarked()
}

// elementAt is element i of v, which must be indexable, as its
// ElementIterator yields it.
func elementAt(v cty.Value, i int) cty.Value {
	if i < len(indexKeys) {
		return v.Index(indexKeys[i])
	}
	return v.Index(cty.NumberIntVal(int64(i)))
}

// appendElements appends the elements of v, a known, non-null, unmarked
// collection, tuple or object, to dst in the order of its ElementIterator.
func appendElements(dst []cty.Value, v cty.Value) []cty.Value {
	for _, e := range elements(v) {
		dst = append(dst, e)
	}
	return dst
}

// elements ranges over the elements of v, a known, non-null, unmarked
// collection, tuple or object, with their positions, in the order of its
// ElementIterator.
func elements(v cty.Value) func(yield func(int, cty.Value) bool) {
	return func(yield func(int, cty.Value) bool) {
		if indexable(v) {
			for i, n := 0, v.LengthInt(); i < n; i++ {
				if !yield(i, elementAt(v, i)) {
					return
				}
			}
			return
		}
		i := 0
		for it := v.ElementIterator(); it.Next(); i++ {
			if _, e := it.Element(); !yield(i, e) {
				return
			}
		}
	}
}
