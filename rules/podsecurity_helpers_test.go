package rules

import "testing"

func TestParseImage(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want imageRef
		ok   bool
	}{
		{"nginx", imageRef{Registry: "docker.io", Repo: "library/nginx"}, true},
		{"nginx:1.25", imageRef{Registry: "docker.io", Repo: "library/nginx", Tag: "1.25"}, true},
		{"bitnami/redis:latest", imageRef{Registry: "docker.io", Repo: "bitnami/redis", Tag: "latest"}, true},
		{"localhost:5000/app", imageRef{Registry: "localhost:5000", Repo: "app"}, true},
		{"registry.example.com:5000/team/app:2.0", imageRef{Registry: "registry.example.com:5000", Repo: "team/app", Tag: "2.0"}, true},
		{"localhost/app:1", imageRef{Registry: "localhost", Repo: "app", Tag: "1"}, true},
		{"123456789012.dkr.ecr.us-east-1.amazonaws.com/app@sha256:abc", imageRef{Registry: "123456789012.dkr.ecr.us-east-1.amazonaws.com", Repo: "app", Digest: "sha256:abc"}, true},
		{"public.ecr.aws/eks/aws-load-balancer-controller:v2.7.0@sha256:abc", imageRef{Registry: "public.ecr.aws", Repo: "eks/aws-load-balancer-controller", Tag: "v2.7.0", Digest: "sha256:abc"}, true},
		{"docker.io/library/busybox", imageRef{Registry: "docker.io", Repo: "library/busybox"}, true},
		{"index.docker.io/busybox:1", imageRef{Registry: "docker.io", Repo: "busybox", Tag: "1"}, true},
		{"", imageRef{}, false},
		{"${IMAGE}", imageRef{}, false},
		{"{{ .Values.image }}", imageRef{}, false},
		{"app:", imageRef{}, false},
		{"<YOUR-CONTAINER>", imageRef{}, false},
		{"$(IMAGE)", imageRef{}, false},
		{"app@", imageRef{}, false},
	} {
		got, ok := parseImage(tc.in)
		if ok != tc.ok || (ok && got != tc.want) {
			t.Errorf("parseImage(%q) = %+v, %v; want %+v, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func TestRegistryAllowed(t *testing.T) {
	def := defaultRegistries
	for _, tc := range []struct {
		reg  string
		pats []string
		want bool
	}{
		{"123456789012.dkr.ecr.us-east-1.amazonaws.com", def, true},
		{"123456789012.dkr.ecr-fips.us-east-1.amazonaws.com", def, true},
		{"123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn", def, true},
		{"public.ecr.aws", def, true},
		{"docker.io", def, false},
		{"quay.io", def, false},
		{"dkr.ecr.us-east-1.amazonaws.com.evil.io", def, false},
		{"registry.local:5000", []string{"registry.local"}, true},
		{"registry.local:5000", []string{"registry.local:5001"}, false},
		{"registry.local:5000", []string{"registry.local:5000"}, true},
		{"GHCR.io", []string{"ghcr.io"}, true},
	} {
		if got := registryAllowed(tc.reg, tc.pats); got != tc.want {
			t.Errorf("registryAllowed(%q, %v) = %v, want %v", tc.reg, tc.pats, got, tc.want)
		}
	}
}
