package yamldoc

import "fmt"

// MaxObjects bounds how many objects the adapters read from one file:
// Kubernetes objects (documents and List items) and eksctl node groups;
// MaxContainers bounds the containers of all its pods. Without them,
// memory grew with what one file could hold: a 10 MB Deployment of
// 300,000 containers took 1.9 GB and 12 s, the findings about them most
// of it. Real files hold a few hundred objects at most.
const (
	MaxObjects    = 10000
	MaxContainers = 5 * MaxObjects
)

// MaxDocuments bounds how many documents Decode reads from one file.
const MaxDocuments = MaxObjects

// Budget counts the objects that may still be read from one file; the
// documents Decode returns share one.
type Budget struct {
	objects, containers counter
}

type counter struct {
	left   int
	warned bool
}

// NewBudget returns a budget of MaxObjects and MaxContainers.
func NewBudget() *Budget {
	return &Budget{objects: counter{left: MaxObjects}, containers: counter{left: MaxContainers}}
}

// Object takes one object from b. ok is false once the file's objects
// are spent; warning is set on the first refusal only, for the one
// problem that says so. A nil budget never runs out (a document built by
// hand).
func (b *Budget) Object() (ok bool, warning string) {
	if b == nil {
		return true, ""
	}
	return b.objects.take("the file holds more than %d objects (Kubernetes objects and node groups): this one and the rest are not read", MaxObjects)
}

// Container takes one container from b, as Object does.
func (b *Budget) Container() (ok bool, warning string) {
	if b == nil {
		return true, ""
	}
	return b.containers.take("the pods of the file hold more than %d containers: this one and the rest are not read", MaxContainers)
}

func (c *counter) take(format string, limit int) (bool, string) {
	if c.left > 0 {
		c.left--
		return true, ""
	}
	if c.warned {
		return false, ""
	}
	c.warned = true
	return false, fmt.Sprintf(format, limit)
}
