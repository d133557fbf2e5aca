package terraform

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// TestMain checks, once every test of the package has loaded its modules,
// that the contents shared by every read (noAttributes, noContent) are as
// empty as they started: nothing may write to them.
func TestMain(m *testing.M) {
	code := m.Run()
	if len(noAttributes) != 0 || !reflect.DeepEqual(noContent, &hcl.BodyContent{}) {
		fmt.Fprintf(os.Stderr, "shared empty contents were written to: %v, %#v\n", noAttributes, noContent)
		code = 1
	}
	os.Exit(code)
}

// packageSchemas are the schemas the adapters read bodies with.
func packageSchemas() []*hcl.BodySchema {
	s := []*hcl.BodySchema{
		accessConfigSchema, accessScopeSchema, addonSchema, auditLogsSchema, authMetaSchema, authSchema,
		blockDeviceSchema, clusterNameSchema, clusterRoleSchema, clusterSGSchema, clusterSchema,
		computeConfigSchema, dataPolicySchema, dataTopSchema, datasourcesSchema, detectorSchema, docStmtSchema,
		dynamicSchema, ebsDefaultSchema, ebsSchema, encryptionConfigSchema, encryptionProviderSchema,
		exclusiveAttachSchema, featureConfigSchema, featureSchema, groupHardeningSchema, helmChartSchema,
		iamRoleSchema, idSchema, identityClusterSchema, ingressAttrSchema, inlineIngressSchema,
		inlinePolicySchema, instanceSchema, interfaceSchema, kubernetesSchema, launchTemplateSchema,
		logGroupSchema, ltNICSchema, ltNameSchema, ltSGSchema, metadataSchema, monitoringSchema, ngLTRefSchema,
		ngLTSchema, nodeGroupSchema, nodeRoleSchema, oidcProviderSchema, outputTopSchema, planModuleSchema,
		planResSchema, planTopSchema, planValuesSchema, podIdentitySASchema, podIdentitySchema,
		policyAssociationSchema, policyAttachSchema, policyDocSchema, policySchema, providerBlockSchema,
		providerBodySchema, publicIPSchema, remoteAccessSchema, roleAttachmentSchema, rolePolicySchema,
		securityGroupSchema, sgRuleSchema, subnetSchema, templateRefSchema, topSchema, trailSchema,
		upgradePolicySchema, upgradeSchema, variableSchema, versionSchema, vpcConfigSchema, vpcIngressSchema,
		vpcSGSchema, {},
	}
	for _, w := range workloadRoleSchemas {
		s = append(s, w)
	}
	return s
}

// bodySchemas are schemas made from b itself, to reach what the package's
// schemas may not: every attribute and block type it has, with names it
// lacks, required attributes present and missing, names listed twice, and
// block headers with too few and too many labels.
func bodySchemas(b *hclsyntax.Body) []*hcl.BodySchema {
	var exact, required, missing, dup hcl.BodySchema
	var fewer, more, dupLast hcl.BodySchema
	for name := range b.Attributes {
		exact.Attributes = append(exact.Attributes, hcl.AttributeSchema{Name: name})
		required.Attributes = append(required.Attributes, hcl.AttributeSchema{Name: name, Required: true})
		dup.Attributes = append(dup.Attributes, hcl.AttributeSchema{Name: name}, hcl.AttributeSchema{Name: name, Required: true})
	}
	missing.Attributes = append(append(missing.Attributes, exact.Attributes...),
		hcl.AttributeSchema{Name: "ekslint_absent"}, hcl.AttributeSchema{Name: "ekslint_required", Required: true})
	for _, blk := range b.Blocks {
		labels := make([]string, len(blk.Labels))
		exact.Blocks = append(exact.Blocks, hcl.BlockHeaderSchema{Type: blk.Type, LabelNames: labels})
		more.Blocks = append(more.Blocks, hcl.BlockHeaderSchema{Type: blk.Type, LabelNames: append(labels, "extra")})
		if len(labels) > 0 {
			fewer.Blocks = append(fewer.Blocks, hcl.BlockHeaderSchema{Type: blk.Type, LabelNames: labels[1:]})
		}
		// The last header of a type wins, as in PartialContent.
		dup.Blocks = append(dup.Blocks, hcl.BlockHeaderSchema{Type: blk.Type, LabelNames: append(labels, "extra")},
			hcl.BlockHeaderSchema{Type: blk.Type, LabelNames: labels})
		dupLast.Blocks = append(dupLast.Blocks, hcl.BlockHeaderSchema{Type: blk.Type, LabelNames: labels},
			hcl.BlockHeaderSchema{Type: blk.Type, LabelNames: append(labels, "extra")})
	}
	required.Blocks, missing.Blocks = exact.Blocks, exact.Blocks
	return []*hcl.BodySchema{&exact, &required, &missing, &dup, &dupLast, &fewer, &more}
}

// TestPartialContent: syntaxContent, wherever it answers, gives what
// PartialContent gives, for every body (nested ones too) of every .tf file
// of the fixtures and testdata, with the package's schemas and with
// schemas made from each body.
func TestPartialContent(t *testing.T) {
	schemas := packageSchemas()
	fast, slow := 0, 0
	for _, root := range tfBodies(t) {
		eachBody(root, func(b *hclsyntax.Body) {
			for _, s := range append(bodySchemas(b), schemas...) {
				got, ok := syntaxContent(b, s)
				want, _, diags := b.PartialContent(s)
				if !ok {
					slow++
					continue
				}
				fast++
				if len(diags) != 0 {
					t.Errorf("%s: syntaxContent answered where PartialContent reports %v", b.SrcRange, diags)
				}
				if !reflect.DeepEqual(got, want) {
					t.Errorf("%s: syntaxContent = %#v, PartialContent = %#v", b.SrcRange, got, want)
				}
				viaHelper, _ := partialContent(b, s)
				if !reflect.DeepEqual(viaHelper, want) {
					t.Errorf("%s: partialContent differs from PartialContent", b.SrcRange)
				}
			}
		})
	}
	if fast == 0 || slow == 0 {
		t.Fatalf("fast path taken %d times, declined %d: both should occur", fast, slow)
	}
}

// tfFiles are the .tf files of the fixtures and testdata.
func tfFiles(t *testing.T) []string {
	t.Helper()
	var files []string
	for _, dir := range []string{"../../fixtures", "testdata"} {
		err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(path, ".tf") {
				files = append(files, path)
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if len(files) < 100 {
		t.Fatalf("found %d .tf files, expected the fixtures' and testdata's", len(files))
	}
	return files
}

// tfBodies are the top-level bodies of the fixtures' and testdata's .tf
// files, parsed (files hcl cannot parse at all are left out).
func tfBodies(t *testing.T) []*hclsyntax.Body {
	t.Helper()
	var bodies []*hclsyntax.Body
	for _, path := range tfFiles(t) {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if f, _ := hclsyntax.ParseConfig(src, path, hcl.InitialPos); f != nil {
			bodies = append(bodies, f.Body.(*hclsyntax.Body))
		}
	}
	return bodies
}

// eachBody calls fn with b and every body nested in it.
func eachBody(b *hclsyntax.Body, fn func(*hclsyntax.Body)) {
	fn(b)
	for _, blk := range b.Blocks {
		eachBody(blk.Body, fn)
	}
}
