package model

// Access holds who is mapped into the clusters through aws-auth, from
// every format it is written in.
type Access struct {
}

func (m *Access) merge(o *Access) {
}
