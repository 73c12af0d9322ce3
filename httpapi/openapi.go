package httpapi

import (
	"fmt"
	"reflect"
	"strings"
)

// openAPI builds the OpenAPI 3.0 document of routes. Schemas are derived by
// reflection from the Go types the handlers encode, so the document cannot
// drift from the responses.
func openAPI(routes []route) map[string]any {
	schemas := map[string]any{}
	paths := map[string]any{}
	errResp := map[string]any{"description": "error", "content": map[string]any{"application/json": map[string]any{
		"schema": map[string]any{"$ref": "#/components/schemas/Error"}}}}
	schemas["Error"] = schemaOf(reflect.TypeFor[apiError](), schemas)
	for _, rt := range routes {
		var params []any
		for _, p := range rt.params {
			params = append(params, map[string]any{"name": p.name, "in": p.in, "required": p.required || p.in == "path",
				"description": p.desc, "schema": map[string]any{"type": p.typ}})
		}
		item := schemaOf(reflect.TypeOf(rt.item), schemas)
		body := item
		if rt.list {
			body = map[string]any{"type": "object", "required": []string{"items", "limit", "offset", "next_offset", "next"},
				"properties": map[string]any{
					"items":       map[string]any{"type": "array", "items": item},
					"limit":       map[string]any{"type": "integer"},
					"offset":      map[string]any{"type": "integer"},
					"next_offset": map[string]any{"type": "integer", "nullable": true, "description": "offset of the next page, null on the last page"},
					"next":        map[string]any{"type": "string", "nullable": true, "description": "URL of the next page, null on the last page"},
				}}
			if rt.total {
				body["required"] = append(body["required"].([]string), "total", "total_exact")
				body["properties"].(map[string]any)["total"] = map[string]any{"type": "integer",
					"description": fmt.Sprintf("rows matching the filters in all, counted up to a cap (%d by default, or the end of the page when further): with total_exact false, more than this many match", DefaultTotalCap)}
				body["properties"].(map[string]any)["total_exact"] = map[string]any{"type": "boolean",
					"description": "false when counting stopped at the cap: total is a lower bound, and a next page exists"}
			}
		}
		ctype := "application/json"
		if rt.contentType != "" {
			ctype = rt.contentType
		}
		content := map[string]any{ctype: map[string]any{"schema": body}}
		if rt.csv {
			content["text/csv"] = map[string]any{"schema": map[string]any{"type": "string", "description": "with format=csv: one row per item, nested fields flattened as parent_field"}}
		}
		op := map[string]any{
			"summary":     rt.summary,
			"operationId": operationID(rt.path),
			"responses": map[string]any{
				"200":     map[string]any{"description": "OK", "content": content},
				"400":     errResp,
				"default": errResp,
			},
		}
		if strings.Contains(rt.path, "{") {
			op["responses"].(map[string]any)["404"] = errResp
		}
		if len(params) > 0 {
			op["parameters"] = params
		}
		paths[rt.path] = map[string]any{"get": op}
	}
	return map[string]any{
		"openapi": "3.0.3",
		"info": map[string]any{"title": "newsgraph API", "version": "1",
			"description": "Read-only access to stored news documents and their evidence-backed annotations. Offsets are Unicode code point offsets into the document text, end exclusive."},
		"servers":    []any{map[string]any{"url": "/", "description": "the server this document was read from"}},
		"paths":      paths,
		"components": map[string]any{"schemas": schemas},
	}
}

// operationID turns /api/documents/{id} into getDocumentsId.
func operationID(path string) string {
	var b strings.Builder
	b.WriteString("get")
	for _, part := range strings.Split(strings.TrimPrefix(path, "/api/"), "/") {
		part = strings.Trim(part, "{}")
		part = strings.ReplaceAll(part, ".json", "")
		if part != "" {
			b.WriteString(strings.ToUpper(part[:1]) + part[1:])
		}
	}
	return b.String()
}

// schemaOf returns the schema of t, registering named struct types in
// schemas and referring to them by $ref.
func schemaOf(t reflect.Type, schemas map[string]any) map[string]any {
	nullable := false
	for t.Kind() == reflect.Pointer {
		t, nullable = t.Elem(), true
	}
	var s map[string]any
	switch t.Kind() {
	case reflect.String:
		s = map[string]any{"type": "string"}
	case reflect.Bool:
		s = map[string]any{"type": "boolean"}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64, reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		s = map[string]any{"type": "integer"}
	case reflect.Float32, reflect.Float64:
		s = map[string]any{"type": "number"}
	case reflect.Slice, reflect.Array:
		s = map[string]any{"type": "array", "items": schemaOf(t.Elem(), schemas)}
	case reflect.Map:
		s = map[string]any{"type": "object", "additionalProperties": true}
	case reflect.Struct:
		name := t.Name()
		if name == "" || t.PkgPath() == "" {
			return structSchema(t, schemas)
		}
		if t.PkgPath() != "github.com/newsgraph/newsgraph/store" && t.PkgPath() != "github.com/newsgraph/newsgraph/httpapi" {
			name = strings.ToUpper(t.PkgPath()[strings.LastIndex(t.PkgPath(), "/")+1:][:1]) + t.PkgPath()[strings.LastIndex(t.PkgPath(), "/")+2:] + name
		}
		if _, ok := schemas[name]; !ok {
			schemas[name] = map[string]any{} // placeholder against recursion
			schemas[name] = structSchema(t, schemas)
		}
		ref := map[string]any{"$ref": "#/components/schemas/" + name}
		if nullable {
			return map[string]any{"type": "object", "allOf": []any{ref}, "nullable": true}
		}
		return ref
	default:
		s = map[string]any{}
	}
	if nullable {
		s["nullable"] = true
	}
	return s
}

func structSchema(t reflect.Type, schemas map[string]any) map[string]any {
	props := map[string]any{}
	var required []string
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		tag := f.Tag.Get("json")
		if tag == "-" {
			continue
		}
		if f.Anonymous && tag == "" && f.Type.Kind() == reflect.Struct { // encoding/json flattens it
			emb := structSchema(f.Type, schemas)
			for k, v := range emb["properties"].(map[string]any) {
				props[k] = v
			}
			if req, ok := emb["required"].([]string); ok {
				required = append(required, req...)
			}
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if name == "" {
			name = f.Name
		}
		props[name] = schemaOf(f.Type, schemas)
		if !strings.Contains(opts, "omitempty") {
			required = append(required, name)
		}
	}
	s := map[string]any{"type": "object", "properties": props}
	if len(required) > 0 {
		s["required"] = required
	}
	return s
}
