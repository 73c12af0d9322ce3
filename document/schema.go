package document

import _ "embed"

// Schema is the JSON Schema (draft 2020-12) of one document in the output
// contract: output.schema.json beside this file, documented in docs/output.md.
//
//go:embed output.schema.json
var Schema []byte
