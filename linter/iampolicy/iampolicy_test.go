package iampolicy

import (
	"slices"
	"strings"
	"testing"
)

func TestManagedName(t *testing.T) {
	for arn, want := range map[string]string{
		"arn:aws:iam::aws:policy/AdministratorAccess":                "AdministratorAccess",
		"arn:aws-cn:iam::aws:policy/AmazonEKSClusterPolicy":          "AmazonEKSClusterPolicy",
		"arn:aws-us-gov:iam::aws:policy/AmazonEKS_CNI_Policy":        "AmazonEKS_CNI_Policy",
		"arn:" + Hole + ":iam::aws:policy/AmazonEKSWorkerNodePolicy": "AmazonEKSWorkerNodePolicy",
		"arn:aws:iam::aws:policy/service-role/AmazonEC2RoleforSSM":   "AmazonEC2RoleforSSM",
		"arn:aws:iam::111122223333:policy/AdministratorAccess":       "",
		"arn:aws:iam::aws:policy/" + Hole:                            "",
		"AdministratorAccess":                                        "",
		"arn:aws:iam::aws:role/AdministratorAccess":                  "",
		"arn:aws:s3::aws:policy/AdministratorAccess":                 "",
	} {
		got, ok := ManagedName(arn)
		if got != want || ok != (want != "") {
			t.Errorf("ManagedName(%q) = %q, %v; want %q", arn, got, ok, want)
		}
	}
}

func TestBroad(t *testing.T) {
	doc, ok := ParseJSON(`{"Version":"2012-10-17","Statement":[
		{"Effect":"Allow","Action":"*","Resource":"*"},
		{"Effect":"Allow","Action":["s3:GetObject","ec2:*"],"Resource":["*"]},
		{"Effect":"Allow","NotAction":"iam:*","Resource":"*"},
		{"Effect":"Deny","Action":"*","Resource":"*"},
		{"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::b/*"},
		{"Effect":"Allow","Action":"s3:Get*","Resource":"*"},
		{"Effect":"Allow","Action":"*","NotResource":"arn:aws:s3:::b"}
	]}`)
	if !ok || !doc.Complete || len(doc.Statements) != 7 {
		t.Fatalf("parse: %v %+v", ok, doc)
	}
	want := []bool{true, true, true, false, false, false, false}
	for i, s := range doc.Statements {
		if _, got := s.Broad(); got != want[i] {
			t.Errorf("statement %d: Broad = %v, want %v", i, got, want[i])
		}
	}
	single, _ := Parse(map[string]any{"Statement": map[string]any{"Effect": "Allow", "Action": []any{Unknown{}, "*"}, "Resource": "*"}})
	if len(single.Statements) != 1 || !single.Statements[0].Partial {
		t.Fatalf("single: %+v", single)
	}
	if _, ok := single.Statements[0].Broad(); !ok {
		t.Error("a known * next to an unknown action is still broad")
	}
	unknownEffect, _ := Parse(map[string]any{"Statement": []any{map[string]any{"Effect": Unknown{}, "Action": "*", "Resource": "*"}}})
	if _, ok := unknownEffect.Statements[0].Broad(); ok {
		t.Error("an unknown effect must not be broad")
	}
	if _, ok := ParseJSON("not json"); ok {
		t.Error("not JSON parsed")
	}
}

// TestMaxStatements: a document with more statements than IAM can store
// is read up to MaxStatements, and is not complete.
func TestMaxStatements(t *testing.T) {
	list := make([]any, MaxStatements+10)
	for i := range list {
		list[i] = map[string]any{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}
	}
	doc, ok := Parse(map[string]any{"Statement": list})
	if !ok || len(doc.Statements) != MaxStatements || doc.Complete {
		t.Fatalf("ok %v, %d statements, complete %v; want %d, incomplete", ok, len(doc.Statements), doc.Complete, MaxStatements)
	}
}

// TestSplitARN compares SplitARN with the strings.SplitN it replaces.
func TestSplitARN(t *testing.T) {
	for _, arn := range []string{
		"", ":", "::::", ":::::", "::::::", "arn", "arn:aws:iam::aws:policy/AdministratorAccess",
		"arn:aws:kms:eu-west-1:111122223333:key/1234", "arn:aws:kms:eu-west-1:111122223333:alias/a:b:c",
		"arn:aws:iam::aws", "arn:aws:iam::aws:", "arn:" + Hole + ":iam::aws:policy/x", " arn:aws:s3:::bucket ",
		"arn:aws:logs:us-east-1:1:log-group:/aws/eks/x/cluster:*",
	} {
		fields, res, ok := SplitARN(arn)
		parts := strings.SplitN(arn, ":", 6)
		if ok != (len(parts) == 6) {
			t.Errorf("SplitARN(%q) ok = %v, SplitN has %d parts", arn, ok, len(parts))
			continue
		}
		if ok && (!slices.Equal(fields[:], parts[:5]) || res != parts[5]) {
			t.Errorf("SplitARN(%q) = %q, %q; SplitN %q", arn, fields, res, parts)
		}
	}
}
