package rules

import (
	"github.com/ekslint/ekslint/linter"
	"github.com/ekslint/ekslint/linter/model"
)

// META001 reports what eksctl would refuse or misread in a ClusterConfig:
// above all a misspelled key, which would otherwise leave the setting it
// was meant for at its default without a word.
var META001 = &linter.Rule{
	ID:       "EKS-META-001",
	Name:     "eksctl-config-schema-invalid",
	Summary:  "An eksctl ClusterConfig has an unknown key, a value of the wrong type or an invalid value",
	Severity: linter.Low,
	Default:  true,
	Formats:  []model.Format{model.Eksctl},
	Tags:     []string{"correctness"},
	Check: func(p *linter.Pass) {
		for _, c := range p.Model.Clusters {
			for _, sp := range c.SchemaProblems {
				p.Report(c, sp.Range, "%s", sp.Message)
			}
		}
	},
}
