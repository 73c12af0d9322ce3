package httpapi

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"net/http"
	"reflect"
	"strconv"
	"strings"
)

// writeCSV writes rows (a slice of structs) as a CSV download named
// name.csv: one column per JSON field, nested structs flattened as
// parent_field, null as an empty cell. A text cell that a spreadsheet would
// read as a formula (starting with =, +, -, @, tab or carriage return) is
// prefixed with a single quote, so untrusted article text cannot run in
// the analyst's spreadsheet.
func writeCSV[T any](w http.ResponseWriter, name string, rows []T) {
	t := reflect.TypeFor[T]()
	var cols []csvCol
	csvCols(t, nil, "", &cols)
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="%s.csv"`, name))
	w.WriteHeader(http.StatusOK)
	cw := csv.NewWriter(w)
	head := make([]string, len(cols))
	for i, c := range cols {
		head[i] = c.name
	}
	cw.Write(head)
	rec := make([]string, len(cols))
	for _, row := range rows {
		v := reflect.ValueOf(row)
		for i, c := range cols {
			rec[i] = csvCell(v, c.index)
		}
		cw.Write(rec)
	}
	cw.Flush()
}

// csvCol is one column: its name and the field index path to it.
type csvCol struct {
	name  string
	index []int
}

func csvCols(t reflect.Type, index []int, prefix string, cols *[]csvCol) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if !f.IsExported() || tag == "-" {
			continue
		}
		if tag == "" {
			tag = f.Name
		}
		path := append(append([]int{}, index...), i)
		ft := f.Type
		for ft.Kind() == reflect.Pointer {
			ft = ft.Elem()
		}
		if ft.Kind() == reflect.Struct && f.Anonymous && f.Tag.Get("json") == "" {
			csvCols(ft, path, prefix, cols) // flattened, as in JSON
			continue
		}
		if ft.Kind() == reflect.Struct {
			csvCols(ft, path, prefix+tag+"_", cols)
			continue
		}
		*cols = append(*cols, csvCol{name: prefix + tag, index: path})
	}
}

func csvCell(v reflect.Value, index []int) string {
	for _, i := range index {
		for v.Kind() == reflect.Pointer {
			if v.IsNil() {
				return ""
			}
			v = v.Elem()
		}
		v = v.Field(i)
	}
	for v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return ""
		}
		v = v.Elem()
	}
	switch v.Kind() {
	case reflect.String:
		s := v.String()
		if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
			return "'" + s
		}
		return s
	case reflect.Bool:
		return strconv.FormatBool(v.Bool())
	case reflect.Int, reflect.Int64, reflect.Int32:
		return strconv.FormatInt(v.Int(), 10)
	case reflect.Float64, reflect.Float32:
		return strconv.FormatFloat(v.Float(), 'g', -1, 64)
	default:
		b, _ := json.Marshal(v.Interface())
		return string(b)
	}
}

// writeJSONType writes v as JSON with the given content type.
func writeJSONType(w http.ResponseWriter, status int, ctype string, v any) {
	w.Header().Set("Content-Type", ctype)
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}
