package fastesc

import (
	"bytes"
	"errors"
	"html/template"
	"reflect"
	"strings"
	"testing"
)

// execSet is a set of templates using what pages use: fields through
// pointers, ranges with variables, if, with, else, the builtins, calls of
// templates and of functions, and values of several types in several
// contexts.
const execSet = `{{define "layout"}}<title>{{.Title}}</title>
<body class="{{.Class}}" data-n="{{.N}}">{{template "row" .Head}}
{{range $i, $r := .Rows}}{{if $i}}, {{end}}<a href="{{$r.Href}}" title="{{$r.Text}}">{{$r.Text}}</a>{{with $r.Note}} ({{.}}){{end}}{{else}}none{{end}}
{{range .Rows}}{{template "row" .}}{{end}}
{{if or .Missing .Rows}}or{{end}}{{if and .Title (not .Empty)}} and{{end}}{{if eq .Class "x"}} eq{{else if ne .Class "y"}} ne{{end}}
{{if gt (len .Rows) 1}}many {{len .Rows}}{{end}} {{up .Title}} {{.Title | up}} {{.HTML}} <a href="?q={{.Title}}">q</a>
{{with .Ptr}}{{.Text}}{{else}}no ptr{{end}} {{$.Title}} {{.Any}} {{.Flag}} {{.Nums}}
{{- /* a comment */ -}}
{{end}}
{{define "row"}}<p>{{.Text}}{{with .Href}} <a href="{{.}}">link</a> {{$.Text}}{{end}}</p>{{end}}`

type execRow struct {
	Href, Text string
	Note       *string
}

// Method makes execRow read by text/template where a template calls it.
func (r execRow) Method() string { return "m:" + r.Text }

type execPage struct {
	Title, Class string
	N            int
	Head         *execRow
	Rows         []execRow
	Missing      []int
	Empty        string
	HTML         template.HTML
	Ptr          *execRow
	Any          any
	Flag         bool
	Nums         []int
	M            map[string]string
}

func execTemplate(t *testing.T, text string) *Exec {
	t.Helper()
	funcs := template.FuncMap{"up": strings.ToUpper}
	tm := template.Must(template.New("layout").Funcs(funcs).Parse(text))
	if err := Install(tm); err != nil {
		t.Fatal(err)
	}
	return NewExec(tm, funcs)
}

// TestExecAsTextTemplate: Exec writes what text/template writes, for
// data it takes and data it leaves to text/template, and fails where
// text/template fails.
func TestExecAsTextTemplate(t *testing.T) {
	note := "注<一>"
	full := execPage{Title: `《条例》"a&b"`, Class: "x", N: 3, Head: &execRow{Href: "../d/x/", Text: "第一条"},
		Rows: []execRow{{Href: "a1/", Text: "第一条", Note: &note}, {Href: "javascript:x", Text: "<b>"}},
		HTML: "<b>kept</b>", Ptr: &execRow{Text: "p"}, Any: 5, Flag: true, Nums: []int{1, 2}}
	for _, tc := range []struct {
		name string
		text string
		data any
		fast bool // Exec takes it without text/template
	}{
		{"full", execSet, full, true},
		{"empty", execSet, execPage{Head: &execRow{}}, true},
		{"nil head", execSet, execPage{}, false}, // an error in text/template
		{"method", `{{define "layout"}}{{range .Rows}}{{.Method}}{{end}}{{end}}`, full, false},
		{"map", `{{define "layout"}}{{.M.k}}{{end}}`, execPage{M: map[string]string{"k": "<v>"}}, false},
		{"number", `{{define "layout"}}{{if gt .N 2.5}}big{{end}}{{end}}`, full, false},
		{"missing field", `{{define "layout"}}{{.Nope}}{{end}}`, full, false},
		{"range over int", `{{define "layout"}}{{range .N}}{{.}}{{end}}{{end}}`, full, false},
		{"pointer data", execSet, &full, true},
		{"nil data", `{{define "layout"}}x{{.}}{{end}}`, nil, true},
	} {
		e := execTemplate(t, tc.text)
		var want, got bytes.Buffer
		wantErr := e.t.Execute(&want, tc.data)
		got.WriteString("before|")
		gotErr := e.Execute(&got, tc.data)
		if (wantErr == nil) != (gotErr == nil) {
			t.Errorf("%s: error %v, text/template: %v", tc.name, gotErr, wantErr)
		}
		if wantErr == nil && got.String() != "before|"+want.String() {
			t.Errorf("%s: wrote\n%s\ntext/template wrote\n%s", tc.name, got.String(), want.String())
		}
		var b bytes.Buffer
		if fast := e.fast(&b, tc.data); fast != tc.fast {
			t.Errorf("%s: taken without text/template: %v, want %v", tc.name, fast, tc.fast)
		}
	}
}

// TestExecFunctionPanics: a function that panics fails the execution
// with text/template's error, not the program.
func TestExecFunctionPanics(t *testing.T) {
	funcs := template.FuncMap{"boom": func(string) string { panic(errors.New("boom")) }}
	tm := template.Must(template.New("layout").Funcs(funcs).Parse(`{{boom .}}`))
	if err := Install(tm); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := NewExec(tm, funcs).Execute(&b, "x"); err == nil || !strings.Contains(err.Error(), "boom") {
		t.Errorf("error %v, want text/template's of the panic", err)
	}
}

// TestExecReflectValueField: a builtin's argument that is itself a
// reflect.Value is taken by text/template as the value it holds; Exec
// leaves it to text/template.
func TestExecReflectValueField(t *testing.T) {
	type outer struct{ V reflect.Value }
	for _, v := range []bool{false, true} {
		d := outer{V: reflect.ValueOf(v)}
		e := execTemplate(t, `{{define "layout"}}{{if not .V}}neg{{else}}pos{{end}}{{end}}`)
		var want, got bytes.Buffer
		if err := e.t.Execute(&want, d); err != nil {
			t.Fatal(err)
		}
		if err := e.Execute(&got, d); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("V=%v: wrote %q, text/template %q", v, got.String(), want.String())
		}
	}
}
