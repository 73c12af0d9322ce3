package httpapi

import (
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
)

// TestOpenAPI_Lint checks the OpenAPI document against the rules of the
// common linters (Redocly's recommended set and OpenAPI 3.0.3 itself) that
// can be verified without one: servers, unique operation ids with
// summaries, a success and a 4xx response on every operation, typed
// parameters, path parameters declared and required, nullable only beside a
// type, $ref without siblings and resolving, arrays with items, required
// properties that exist, and no unused schemas.
func TestOpenAPI_Lint(t *testing.T) {
	s, _ := newTestAPI(t)
	var doc map[string]any
	if err := json.Unmarshal(s.api, &doc); err != nil {
		t.Fatal(err)
	}
	for _, p := range lintOpenAPI(doc) {
		t.Error(p)
	}
}

func lintOpenAPI(doc map[string]any) []string {
	var probs []string
	bad := func(format string, a ...any) { probs = append(probs, fmt.Sprintf(format, a...)) }
	obj := func(v any) map[string]any { m, _ := v.(map[string]any); return m }

	if v, _ := doc["openapi"].(string); !strings.HasPrefix(v, "3.0.") {
		bad("openapi version %q is not 3.0.x", v)
	}
	info := obj(doc["info"])
	if info["title"] == nil || info["version"] == nil || info["description"] == nil {
		bad("info needs title, version and description")
	}
	servers, _ := doc["servers"].([]any)
	if len(servers) == 0 || obj(servers[0])["url"] == nil {
		bad("servers: none with a url")
	}
	schemas := obj(obj(doc["components"])["schemas"])
	used := map[string]bool{}
	var walk func(where string, v any)
	walk = func(where string, v any) {
		switch x := v.(type) {
		case []any:
			for i, e := range x {
				walk(fmt.Sprintf("%s[%d]", where, i), e)
			}
		case map[string]any:
			if ref, ok := x["$ref"].(string); ok {
				name := strings.TrimPrefix(ref, "#/components/schemas/")
				if _, ok := schemas[name]; !ok || name == ref {
					bad("%s: $ref %s does not resolve", where, ref)
				}
				if len(x) > 1 {
					bad("%s: $ref has siblings", where)
				}
				if !used[name] {
					used[name] = true
					walk("#/components/schemas/"+name, schemas[name])
				}
				return
			}
			if x["nullable"] == true && x["type"] == nil {
				bad("%s: nullable without a type", where)
			}
			if x["type"] == "array" && x["items"] == nil {
				bad("%s: array without items", where)
			}
			if req, ok := x["required"].([]any); ok && x["properties"] != nil {
				for _, r := range req {
					if _, ok := obj(x["properties"])[r.(string)]; !ok {
						bad("%s: required property %v is not defined", where, r)
					}
				}
			}
			keys := make([]string, 0, len(x))
			for k := range x {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, k := range keys {
				if k == "required" || k == "example" {
					continue
				}
				walk(where+"/"+k, x[k])
			}
		}
	}
	ids := map[string]string{}
	pathParam := regexp.MustCompile(`\{([^}]+)\}`)
	paths := obj(doc["paths"])
	names := make([]string, 0, len(paths))
	for p := range paths {
		names = append(names, p)
	}
	sort.Strings(names)
	for _, path := range names {
		for method, o := range obj(paths[path]) {
			op := obj(o)
			where := method + " " + path
			id, _ := op["operationId"].(string)
			if id == "" {
				bad("%s: no operationId", where)
			} else if other, dup := ids[id]; dup {
				bad("%s: operationId %s also used by %s", where, id, other)
			}
			ids[id] = where
			if s, _ := op["summary"].(string); s == "" {
				bad("%s: no summary", where)
			}
			resp := obj(op["responses"])
			var has2xx, has4xx bool
			for code := range resp {
				has2xx = has2xx || strings.HasPrefix(code, "2")
				has4xx = has4xx || strings.HasPrefix(code, "4")
			}
			if !has2xx || !has4xx {
				bad("%s: needs a 2xx and a 4xx response", where)
			}
			declared := map[string]bool{}
			seen := map[string]bool{}
			params, _ := op["parameters"].([]any)
			for _, pv := range params {
				p := obj(pv)
				name, _ := p["name"].(string)
				in, _ := p["in"].(string)
				if seen[in+" "+name] {
					bad("%s: parameter %s in %s twice", where, name, in)
				}
				seen[in+" "+name] = true
				if !slices.Contains([]string{"query", "path", "header", "cookie"}, in) {
					bad("%s: parameter %s in %q", where, name, in)
				}
				if obj(p["schema"])["type"] == nil {
					bad("%s: parameter %s has no typed schema", where, name)
				}
				if d, _ := p["description"].(string); d == "" {
					bad("%s: parameter %s has no description", where, name)
				}
				if in == "path" {
					declared[name] = true
					if p["required"] != true {
						bad("%s: path parameter %s not required", where, name)
					}
				}
			}
			for _, m := range pathParam.FindAllStringSubmatch(path, -1) {
				if !declared[m[1]] {
					bad("%s: path parameter %s not declared", where, m[1])
				}
			}
			walk(where, op)
		}
	}
	for name := range schemas {
		if !used[name] {
			bad("components/schemas/%s is never used", name)
		}
	}
	sort.Strings(probs)
	return probs
}

// TestOpenAPI_LintFindsProblems shows that the linter fails a document
// with the problems it checks for.
func TestOpenAPI_LintFindsProblems(t *testing.T) {
	doc := map[string]any{}
	json.Unmarshal([]byte(`{"openapi": "3.0.3", "info": {"title": "x", "version": "1", "description": "d"},
		"paths": {"/a/{id}": {"get": {"operationId": "a", "summary": "s", "responses": {"200": {"content": {"application/json":
			{"schema": {"allOf": [{"$ref": "#/components/schemas/X"}], "nullable": true}}}}}}}},
		"components": {"schemas": {"X": {"type": "array"}, "Unused": {"type": "string"}}}}`), &doc)
	got := strings.Join(lintOpenAPI(doc), "\n")
	for _, want := range []string{"servers", "nullable without a type", "array without items", "needs a 2xx and a 4xx", "path parameter id not declared", "Unused is never used"} {
		if !strings.Contains(got, want) {
			t.Errorf("lint missed %q; reported:\n%s", want, got)
		}
	}
}
