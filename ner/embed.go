package ner

import _ "embed"

// embeddedModel is the trained model file, rebuilt by `go run ./tools/nertrain`.
//
//go:embed model/ner.model
var embeddedModel []byte
