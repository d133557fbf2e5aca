// Package eksdata is the EKS lifecycle data ekslint ships in its binary:
// for every Kubernetes minor version EKS has offered, its EKS release date
// and the ends of standard and extended support, and for add-ons whose
// version must follow the cluster's, the latest EKS build per Kubernetes
// version. Support status is always computed from these dates and the
// run's date, never kept as a list of "supported" versions.
//
// The data can be replaced at run time by a file of the same shape
// (--eks-versions-file). The package imports only the standard library,
// so that rules can read it.
package eksdata

import (
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/ekslint/ekslint/linter/regular"
)

//go:embed eks-versions.json
var builtin []byte

// StaleAfter is the age from which the data is said to be old: EKS
// releases a minor version about every four months.
const StaleAfter = 120 * 24 * time.Hour

// Data is one version table. Build it with Builtin, Parse or Load.
type Data struct {
	// GeneratedAt is when the table was compiled (YYYY-MM-DD).
	GeneratedAt string `json:"generatedAt"`
	// Sources say where the dates come from.
	Sources  []string  `json:"sources"`
	Versions []Version `json:"versions"`
	Addons   Addons    `json:"addons"`

	// Name is where the data was read from: the file's path, or
	// "built-in" for the table shipped in the binary.
	Name string `json:"-"`

	generated time.Time
	byMinor   map[int]*Version
	oldest    int
	newest    int
	coredns   map[int]string
}

// Version is one Kubernetes minor version on EKS. Dates are YYYY-MM-DD,
// UTC; extended billing starts at the beginning of EndOfStandard.
type Version struct {
	Version       string `json:"version"`
	EKSRelease    string `json:"eksRelease"`
	EndOfStandard string `json:"endOfStandard"`
	EndOfExtended string `json:"endOfExtended"`

	Minor                        int       `json:"-"`
	Released, Standard, Extended time.Time `json:"-"`
}

// Addons holds the add-on data.
type Addons struct {
	// CoreDNS is the latest EKS build of the coredns add-on per Kubernetes
	// version.
	CoreDNS []AddonVersion `json:"coredns"`
}

// AddonVersion is an add-on version for one Kubernetes version.
type AddonVersion struct {
	Kubernetes string `json:"kubernetes"`
	Version    string `json:"version"`
}

var builtinData = sync.OnceValues(func() (*Data, error) { return Parse("built-in", builtin) })

// Builtin returns the table shipped in the binary.
func Builtin() *Data {
	d, err := builtinData()
	if err != nil {
		panic("eksdata: the built-in table is invalid: " + err.Error())
	}
	return d
}

// MaxFileSize bounds the table Load reads: the built-in one is a few KiB.
const MaxFileSize = 1 << 20

// Load reads a table from a file, which may be a pipe, up to MaxFileSize
// bytes; errors name the file.
func Load(path string) (*Data, error) {
	b, err := regular.ReadGiven(path, MaxFileSize)
	var tl regular.TooLargeError
	if errors.As(err, &tl) {
		return nil, fmt.Errorf("%s: the file is %w", path, tl)
	}
	if err != nil {
		return nil, err
	}
	d, err := Parse(path, b)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if d.Addons.CoreDNS == nil {
		d.Addons = Builtin().Addons
		d.coredns = Builtin().coredns
	}
	return d, nil
}

// Parse reads and checks a table. Load, not Parse, falls back to the
// built-in add-on data for a file that leaves out "addons".
func Parse(name string, b []byte) (*Data, error) {
	var d Data
	dec := json.NewDecoder(strings.NewReader(string(b)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&d); err != nil {
		return nil, fmt.Errorf("not a version table: %w", err)
	}
	d.Name = name
	var err error
	if d.generated, err = date("generatedAt", d.GeneratedAt); err != nil {
		return nil, err
	}
	if len(d.Versions) == 0 {
		return nil, errors.New(`"versions" lists no version`)
	}
	d.byMinor = map[int]*Version{}
	for i := range d.Versions {
		v := &d.Versions[i]
		m, ok := Minor(v.Version)
		if !ok {
			return nil, fmt.Errorf("versions[%d]: %q is not a Kubernetes minor version such as \"1.31\"", i, v.Version)
		}
		if d.byMinor[m] != nil {
			return nil, fmt.Errorf("versions[%d]: %s is listed twice", i, v.Version)
		}
		v.Minor = m
		for _, f := range []struct {
			name, val string
			to        *time.Time
		}{{"eksRelease", v.EKSRelease, &v.Released}, {"endOfStandard", v.EndOfStandard, &v.Standard}, {"endOfExtended", v.EndOfExtended, &v.Extended}} {
			t, err := date(fmt.Sprintf("versions[%d] (%s).%s", i, v.Version, f.name), f.val)
			if err != nil {
				return nil, err
			}
			*f.to = t
		}
		if !v.Released.Before(v.Standard) || v.Extended.Before(v.Standard) {
			return nil, fmt.Errorf("versions[%d] (%s): want eksRelease < endOfStandard <= endOfExtended", i, v.Version)
		}
		d.byMinor[m] = v
	}
	sort.Slice(d.Versions, func(i, j int) bool { return d.Versions[i].Minor > d.Versions[j].Minor })
	for i := range d.Versions {
		d.byMinor[d.Versions[i].Minor] = &d.Versions[i]
	}
	d.newest, d.oldest = d.Versions[0].Minor, d.Versions[len(d.Versions)-1].Minor
	d.coredns = map[int]string{}
	for i, a := range d.Addons.CoreDNS {
		m, ok := Minor(a.Kubernetes)
		if !ok {
			return nil, fmt.Errorf("addons.coredns[%d]: %q is not a Kubernetes minor version", i, a.Kubernetes)
		}
		if _, _, ok := Line(a.Version); !ok {
			return nil, fmt.Errorf("addons.coredns[%d]: %q is not an add-on version such as \"v1.11.4-eksbuild.2\"", i, a.Version)
		}
		d.coredns[m] = a.Version
	}
	return &d, nil
}

func date(what, s string) (time.Time, error) {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%s: want a date as YYYY-MM-DD, got %q", what, s)
	}
	return t, nil
}

// Age is how old the data is at asOf (negative when it is newer).
func (d *Data) Age(asOf time.Time) time.Duration { return asOf.Sub(d.generated) }

// Stale reports whether the data is older than StaleAfter at asOf.
func (d *Data) Stale(asOf time.Time) bool { return d.Age(asOf) > StaleAfter }

// Status is a version's support on EKS at a date.
type Status uint8

const (
	// Unknown: newer than any version in the table, not released on EKS
	// yet at the date, or a gap in the table. Nothing can be said.
	Unknown Status = iota
	// Standard support.
	Standard
	// Extended support (billed extra).
	Extended
	// EndOfLife: extended support has ended, or the version is older than
	// the oldest in the table.
	EndOfLife
)

func (s Status) String() string {
	return [...]string{"unknown", "standard support", "extended support", "end of life"}[s]
}

// Lookup returns the table's row for a minor version and its status at
// asOf. For a version older than the oldest row, v is nil and the status
// EndOfLife.
func (d *Data) Lookup(minor int, asOf time.Time) (v *Version, s Status) {
	if minor < d.oldest {
		return nil, EndOfLife
	}
	v = d.byMinor[minor]
	if v == nil || asOf.Before(v.Released) {
		return v, Unknown
	}
	switch {
	case !asOf.Before(v.Extended):
		return v, EndOfLife
	case !asOf.Before(v.Standard):
		return v, Extended
	}
	return v, Standard
}

// Oldest returns the oldest version of the table.
func (d *Data) Oldest() *Version { return d.byMinor[d.oldest] }

// OldestStandard returns the oldest version in standard support at asOf,
// or nil when none is.
func (d *Data) OldestStandard(asOf time.Time) *Version {
	var out *Version
	for i := range d.Versions {
		v := &d.Versions[i]
		if _, s := d.Lookup(v.Minor, asOf); s == Standard {
			out = v
		}
	}
	return out
}

// CoreDNS returns the latest coredns add-on version EKS offers for a
// Kubernetes minor version, when the table has it.
func (d *Data) CoreDNS(minor int) (string, bool) {
	v, ok := d.coredns[minor]
	return v, ok
}

// Minor parses a Kubernetes version ("1.31", "1.31.2", "v1.31") into its
// minor number; ok is false for anything else.
func Minor(version string) (int, bool) {
	major, minor, ok := Line(version)
	if !ok || major != 1 {
		return 0, false
	}
	return minor, true
}

// Line parses the major and minor numbers of a version such as "1.31",
// "v1.11.4-eksbuild.2" or "1.31.2"; ok is false when either is not a
// number.
func Line(version string) (major, minor int, ok bool) {
	v := strings.TrimPrefix(strings.TrimSpace(version), "v")
	a, rest, found := strings.Cut(v, ".")
	if !found {
		return 0, 0, false
	}
	b := rest
	if i := strings.IndexAny(rest, ".-+"); i >= 0 {
		b = rest[:i]
	}
	x, err1 := strconv.Atoi(a)
	y, err2 := strconv.Atoi(b)
	if err1 != nil || err2 != nil || x < 0 || y < 0 || strings.HasPrefix(a, "+") || strings.HasPrefix(b, "+") {
		return 0, 0, false
	}
	return x, y, true
}
