// Package terraform reads a Terraform module (a folder of .tf and .tf.json
// files) and adapts the AWS resources it declares into the model.
package terraform

import (
	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
)

// File is one configuration file of a module, already read.
type File struct {
	Path string // as the engine names it (relative, forward slashes)
	Src  []byte
}

// Options are the variable sources given by the user.
type Options struct {
	// Vars from --var and the config file, as raw strings (k=v).
	Vars map[string]string
	// VarFiles from --var-file and the config file, in order.
	VarFiles []string
}

// Load reads one module: dir is its folder, files its .tf and .tf.json
// files. It returns the adapted model, what suppression needs to know about
// each file, and any problems.
func Load(dir string, files []File, opts Options) (*model.Model, []*source.File, []source.Problem) {
	return &model.Model{}, nil, nil // TODO: implemented by the terraform adapter
}
