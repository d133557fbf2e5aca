package rules

import (
	"path"
	"strings"
)

// imageRef is a container image reference split into its parts.
type imageRef struct {
	Registry string // host[:port]; "docker.io" when none is written
	Repo     string // the repository path, e.g. "library/nginx"
	Tag      string // "" when none is written (Kubernetes pulls "latest")
	Digest   string // "sha256:…" or ""
}

// parseImage splits an image reference as the container runtime reads it:
// the first path component is a registry host when it holds a "." or a
// ":" or is "localhost", otherwise the image is on Docker Hub ("nginx" is
// docker.io/library/nginx); the tag is the text after the last ":" that
// follows the last "/"; the digest follows "@". ok is false for text that
// cannot be an image reference: empty, or with a character that no image
// reference has (a template placeholder such as ${IMAGE}, {{ .image }} or
// <your-image>).
func parseImage(s string) (ref imageRef, ok bool) {
	if s == "" || strings.IndexFunc(s, notReferenceChar) >= 0 {
		return ref, false
	}
	name := s
	if i := strings.IndexByte(name, '@'); i >= 0 {
		name, ref.Digest = name[:i], name[i+1:]
		if ref.Digest == "" {
			return ref, false
		}
	}
	if i := strings.LastIndexByte(name, ':'); i > strings.LastIndexByte(name, '/') {
		name, ref.Tag = name[:i], name[i+1:]
		if ref.Tag == "" {
			return ref, false
		}
	}
	ref.Registry, ref.Repo = "docker.io", name
	if i := strings.IndexByte(name, '/'); i >= 0 {
		first := name[:i]
		if strings.ContainsAny(first, ".:") || first == "localhost" {
			ref.Registry, ref.Repo = strings.ToLower(first), name[i+1:]
		}
	}
	if ref.Repo == "" {
		return ref, false
	}
	if ref.Registry == "docker.io" && !strings.Contains(ref.Repo, "/") {
		ref.Repo = "library/" + ref.Repo
	}
	if ref.Registry == "index.docker.io" || ref.Registry == "registry-1.docker.io" {
		ref.Registry = "docker.io"
	}
	return ref, true
}

// registryAllowed reports whether registry (host[:port]) matches one of the
// glob patterns ("*" matches any run of characters, dots included). A
// pattern without a port matches the host on any port.
func registryAllowed(registry string, patterns []string) bool {
	return registryMatches(registry, registryPatterns(patterns))
}

// registryPatterns normalises registryAllowed's patterns (trimmed, lower
// case) once, for a rule that matches every image of a run against them.
func registryPatterns(patterns []string) []string {
	out := make([]string, len(patterns))
	for i, p := range patterns {
		out[i] = strings.ToLower(strings.TrimSpace(p))
	}
	return out
}

// registryMatches is registryAllowed with patterns from registryPatterns.
func registryMatches(registry string, patterns []string) bool {
	registry = strings.ToLower(registry)
	host := registry
	if i := strings.LastIndexByte(host, ':'); i >= 0 {
		host = host[:i]
	}
	for _, p := range patterns {
		target := registry
		if !strings.Contains(p, ":") {
			target = host
		}
		if ok, err := path.Match(p, target); err == nil && ok {
			return true
		}
	}
	return false
}

// enforcedProfile: the seccomp or AppArmor profile types that confine a
// container.
func enforcedProfile(t string) bool { return t == "RuntimeDefault" || t == "Localhost" }

// defaultRegistries is EKS-K8S-051's default allowlist: Amazon ECR (FIPS
// endpoints and the China partition included) and ECR Public.
var defaultRegistries = []string{
	"*.dkr.ecr.*.amazonaws.com",
	"*.dkr.ecr-fips.*.amazonaws.com",
	"*.dkr.ecr.*.amazonaws.com.cn",
	"public.ecr.aws",
}

// notReferenceChar: characters outside an image reference's grammar
// (letters, digits, and . _ - / : @).
func notReferenceChar(r rune) bool {
	switch {
	case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
		return false
	}
	return !strings.ContainsRune("._-/:@", r)
}
