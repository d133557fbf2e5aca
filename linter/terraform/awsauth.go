package terraform

import "github.com/ekslint/ekslint/linter/model"

// aws-auth written as Terraform (kubernetes_config_map and friends).

// adaptAuthMaps is not written yet.
func (m *module) adaptAuthMaps(out *model.Model, l *links) {}
