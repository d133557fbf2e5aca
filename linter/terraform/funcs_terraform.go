package terraform

import (
	"crypto/md5"  //nolint:gosec // Terraform's md5(), not used for security
	"crypto/sha1" //nolint:gosec // Terraform's sha1(), not used for security
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"math/big"
	"net/netip"
	"net/url"
	"path"
	"unicode/utf8"

	ctyyaml "github.com/zclconf/go-cty-yaml"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
)

// terraformFunctions are the functions Terraform adds to cty's standard
// library that ekslint evaluates: encodings, hashes, CIDR arithmetic,
// collection tests and path names. The file functions need the module and
// are in moduleFunctions.
var terraformFunctions = map[string]function.Function{
	"yamlencode": ctyyaml.YAMLEncodeFunc, "yamldecode": ctyyaml.YAMLDecodeFunc,
	"base64encode": stringFunc(func(s string) (string, error) { return base64.StdEncoding.EncodeToString([]byte(s)), nil }),
	"base64decode": stringFunc(func(s string) (string, error) {
		b, err := base64.StdEncoding.DecodeString(s)
		if err != nil {
			return "", fmt.Errorf("base64decode: %w", err)
		}
		if !utf8.Valid(b) {
			return "", errors.New("base64decode: the decoded bytes are not valid UTF-8")
		}
		return string(b), nil
	}),
	"urlencode":    stringFunc(func(s string) (string, error) { return url.QueryEscape(s), nil }),
	"md5":          hashFunc(md5.New, hex.EncodeToString),
	"sha1":         hashFunc(sha1.New, hex.EncodeToString),
	"sha256":       hashFunc(sha256.New, hex.EncodeToString),
	"sha512":       hashFunc(sha512.New, hex.EncodeToString),
	"base64sha256": hashFunc(sha256.New, base64.StdEncoding.EncodeToString),
	"base64sha512": hashFunc(sha512.New, base64.StdEncoding.EncodeToString),
	"basename":     stringFunc(func(s string) (string, error) { return path.Base(s), nil }),
	"dirname":      stringFunc(func(s string) (string, error) { return path.Dir(s), nil }),
	"sensitive":    identityFunc, "nonsensitive": identityFunc,
	"one": oneFunc, "alltrue": boolsFunc(true), "anytrue": boolsFunc(false), "sum": sumFunc,
	"cidrhost": cidrHostFunc, "cidrnetmask": cidrNetmaskFunc,
	"cidrsubnet": cidrSubnetFunc, "cidrsubnets": cidrSubnetsFunc,
}

// stringFunc is a function of one string to one string.
func stringFunc(f func(string) (string, error)) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "str", Type: cty.String}},
		Type:   function.StaticReturnType(cty.String),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			s, err := f(args[0].AsString())
			if err != nil {
				return cty.UnknownVal(cty.String), err
			}
			return cty.StringVal(s), nil
		},
	})
}

// hashFunc hashes a string's UTF-8 bytes and encodes the sum.
func hashFunc(h func() hash.Hash, encode func([]byte) string) function.Function {
	return stringFunc(func(s string) (string, error) {
		d := h()
		d.Write([]byte(s))
		return encode(d.Sum(nil)), nil
	})
}

// identityFunc stands for sensitive and nonsensitive: ekslint does not
// track sensitivity, so both return their argument.
var identityFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "value", Type: cty.DynamicPseudoType, AllowUnknown: true, AllowNull: true, AllowDynamicType: true}},
	Type:   func(args []cty.Value) (cty.Type, error) { return args[0].Type(), nil },
	Impl:   func(args []cty.Value, _ cty.Type) (cty.Value, error) { return args[0], nil },
})

// oneFunc is Terraform's one: null for an empty collection, the element
// of a one-element one, an error otherwise.
var oneFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "list", Type: cty.DynamicPseudoType, AllowDynamicType: true}},
	Type:   function.StaticReturnType(cty.DynamicPseudoType),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		v := args[0]
		if !v.CanIterateElements() || v.Type().IsMapType() || v.Type().IsObjectType() {
			return cty.DynamicVal, fmt.Errorf("one: must be a list, set or tuple, not %s", v.Type().FriendlyName())
		}
		switch v.LengthInt() {
		case 0:
			return cty.NullVal(cty.DynamicPseudoType), nil
		case 1:
			it := v.ElementIterator()
			it.Next()
			_, e := it.Element()
			return e, nil
		}
		return cty.DynamicVal, fmt.Errorf("one: must have no more than one element, not %d", v.LengthInt())
	},
})

// boolsFunc is alltrue (all) or anytrue (!all) over a list of booleans.
func boolsFunc(all bool) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "list", Type: cty.List(cty.Bool)}},
		Type:   function.StaticReturnType(cty.Bool),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			for it := args[0].ElementIterator(); it.Next(); {
				_, e := it.Element()
				if e.IsNull() {
					return cty.UnknownVal(cty.Bool), errors.New("the list holds null")
				}
				if e.True() != all {
					return cty.BoolVal(!all), nil
				}
			}
			return cty.BoolVal(all), nil
		},
	})
}

// sumFunc adds a non-empty list of numbers.
var sumFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "list", Type: cty.List(cty.Number)}},
	Type:   function.StaticReturnType(cty.Number),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		if args[0].LengthInt() == 0 {
			return cty.UnknownVal(cty.Number), errors.New("sum: the list is empty")
		}
		total := cty.Zero
		for it := args[0].ElementIterator(); it.Next(); {
			_, e := it.Element()
			if e.IsNull() {
				return cty.UnknownVal(cty.Number), errors.New("sum: the list holds null")
			}
			total = total.Add(e)
		}
		return total, nil
	},
})

// CIDR arithmetic, as Terraform's cidr functions do it, for IPv4 and IPv6.

func parsePrefix(s string) (netip.Prefix, error) {
	p, err := netip.ParsePrefix(s)
	if err != nil {
		return netip.Prefix{}, fmt.Errorf("invalid CIDR %q", s)
	}
	return p, nil
}

// addrInt is an address as an integer, with its width in bits.
func addrInt(a netip.Addr) (*big.Int, int) {
	b := a.AsSlice()
	return new(big.Int).SetBytes(b), len(b) * 8
}

func intAddr(n *big.Int, bits int) netip.Addr {
	b := make([]byte, bits/8)
	n.FillBytes(b)
	a, _ := netip.AddrFromSlice(b)
	return a
}

// hostBits is 2^(bits-prefixLen): the size of a prefix's block.
func blockSize(bits, prefixLen int) *big.Int {
	return new(big.Int).Lsh(big.NewInt(1), uint(bits-prefixLen))
}

func wholeNumber(v cty.Value, what string) (*big.Int, error) {
	bf := v.AsBigFloat()
	n, acc := bf.Int(nil)
	if acc != big.Exact {
		return nil, fmt.Errorf("%s must be a whole number", what)
	}
	return n, nil
}

var cidrHostFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "prefix", Type: cty.String}, {Name: "hostnum", Type: cty.Number}},
	Type:   function.StaticReturnType(cty.String),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		p, err := parsePrefix(args[0].AsString())
		if err != nil {
			return cty.UnknownVal(cty.String), err
		}
		host, err := wholeNumber(args[1], "hostnum")
		if err != nil {
			return cty.UnknownVal(cty.String), err
		}
		base, bits := addrInt(p.Masked().Addr())
		size := blockSize(bits, p.Bits())
		if host.Sign() < 0 {
			host.Add(host, size) // -1 is the last address
		}
		if host.Sign() < 0 || host.Cmp(size) >= 0 {
			return cty.UnknownVal(cty.String), fmt.Errorf("prefix %s has no host number %s", p, args[1].AsBigFloat().String())
		}
		return cty.StringVal(intAddr(base.Add(base, host), bits).String()), nil
	},
})

var cidrNetmaskFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "prefix", Type: cty.String}},
	Type:   function.StaticReturnType(cty.String),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		p, err := parsePrefix(args[0].AsString())
		if err != nil {
			return cty.UnknownVal(cty.String), err
		}
		if !p.Addr().Is4() {
			return cty.UnknownVal(cty.String), errors.New("cidrnetmask only works with IPv4 prefixes")
		}
		mask := new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 32), blockSize(32, p.Bits()))
		return cty.StringVal(intAddr(mask, 32).String()), nil
	},
})

// subnet returns the netnum-th block of newbits more bits inside p.
func subnet(p netip.Prefix, newbits int, netnum *big.Int) (netip.Prefix, error) {
	base, bits := addrInt(p.Masked().Addr())
	length := p.Bits() + newbits
	if newbits < 0 || length > bits {
		return netip.Prefix{}, fmt.Errorf("cannot extend prefix %s by %d bits", p, newbits)
	}
	if netnum.Sign() < 0 || netnum.Cmp(blockSize(length, p.Bits())) >= 0 {
		return netip.Prefix{}, fmt.Errorf("prefix %s has no subnet %s of %d more bits", p, netnum, newbits)
	}
	start := new(big.Int).Add(base, new(big.Int).Mul(netnum, blockSize(bits, length)))
	return netip.PrefixFrom(intAddr(start, bits), length), nil
}

var cidrSubnetFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "prefix", Type: cty.String}, {Name: "newbits", Type: cty.Number}, {Name: "netnum", Type: cty.Number}},
	Type:   function.StaticReturnType(cty.String),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		p, err := parsePrefix(args[0].AsString())
		if err != nil {
			return cty.UnknownVal(cty.String), err
		}
		nb, err := wholeNumber(args[1], "newbits")
		if err != nil || !nb.IsInt64() || nb.Int64() > 128 {
			return cty.UnknownVal(cty.String), errors.New("newbits must be a whole number of at most 128")
		}
		num, err := wholeNumber(args[2], "netnum")
		if err != nil {
			return cty.UnknownVal(cty.String), err
		}
		s, err := subnet(p, int(nb.Int64()), num)
		if err != nil {
			return cty.UnknownVal(cty.String), err
		}
		return cty.StringVal(s.String()), nil
	},
})

// cidrSubnetsFunc allocates consecutive subnets of the given sizes, each
// aligned on its own size, as Terraform's cidrsubnets does.
var cidrSubnetsFunc = function.New(&function.Spec{
	Params:   []function.Parameter{{Name: "prefix", Type: cty.String}},
	VarParam: &function.Parameter{Name: "newbits", Type: cty.Number},
	Type:     function.StaticReturnType(cty.List(cty.String)),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		p, err := parsePrefix(args[0].AsString())
		if err != nil {
			return cty.UnknownVal(cty.List(cty.String)), err
		}
		if len(args) == 1 {
			return cty.ListValEmpty(cty.String), nil
		}
		base, bits := addrInt(p.Masked().Addr())
		end := new(big.Int).Add(base, blockSize(bits, p.Bits())) // one past the parent
		next := new(big.Int).Set(base)
		out := make([]cty.Value, 0, len(args)-1)
		for i, a := range args[1:] {
			nb, err := wholeNumber(a, "newbits")
			if err != nil || !nb.IsInt64() || nb.Int64() < 1 || int(nb.Int64())+p.Bits() > bits {
				return cty.UnknownVal(cty.List(cty.String)), fmt.Errorf("newbits %d: cannot extend prefix %s by it", i+1, p)
			}
			length := p.Bits() + int(nb.Int64())
			size := blockSize(bits, length)
			// Align up to the block size.
			if r := new(big.Int).Mod(next, size); r.Sign() != 0 {
				next.Add(next, new(big.Int).Sub(size, r))
			}
			if new(big.Int).Add(next, size).Cmp(end) > 0 {
				return cty.UnknownVal(cty.List(cty.String)), fmt.Errorf("not enough room in %s for subnet %d", p, i+1)
			}
			out = append(out, cty.StringVal(netip.PrefixFrom(intAddr(next, bits), length).String()))
			next.Add(next, size)
		}
		return cty.ListVal(out), nil
	},
})
