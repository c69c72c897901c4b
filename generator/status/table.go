package status

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"

	"tiaoli/generator/cndate"
	"tiaoli/generator/model"
)

// Row is what a metadata table says of one source file.
type Row struct {
	Status    string // one of the four, "" when the table has none
	Expired   bool
	Published string // YYYY-MM-DD or ""
	ValidFrom string
	At        model.Position // the table and its line
}

// Table maps source paths (slash-separated, relative to the content
// root) to what a metadata table says of them.
type Table map[string]Row

// IsTable reports whether the content file at name is a metadata table.
func IsTable(name string) bool {
	return strings.EqualFold(path.Ext(name), ".csv") && path.Base(path.Dir(name)) == "_metadata"
}

// ParseTable reads the metadata table at name (a content path) into t,
// resolving its paths against the folder that holds _metadata. Rows it
// cannot read give errors naming the table and line; the others are kept.
// A row with an empty path describes no file and is skipped.
func ParseTable(t Table, name string, data []byte) []model.Error {
	root := path.Dir(path.Dir(name))
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\ufeff"))))
	r.FieldsPerRecord = -1
	header, err := r.Read()
	if err != nil {
		return []model.Error{{Path: name, Line: 1, Message: "元数据表没有表头行：" + csvMessage(err)}}
	}
	cols := columns(header)
	if _, ok := cols["path"]; !ok {
		return []model.Error{{Path: name, Line: 1, Message: "元数据表没有「path」列"}}
	}
	var errs []model.Error
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			errs = append(errs, model.Error{Path: name, Line: errLine(err), Message: csvMessage(err)})
			var pe *csv.ParseError
			if errors.As(err, &pe) && errors.Is(pe.Err, csv.ErrQuote) {
				break // the rest of the file is inside the open quote
			}
			continue
		}
		line, _ := r.FieldPos(0)
		p, row, msg := readRow(cols, rec)
		if p == "" && msg == "" {
			continue // a row about no file
		}
		if msg != "" {
			errs = append(errs, model.Error{Path: name, Line: line, Message: msg})
			continue
		}
		row.At = model.Position{Path: name, Line: line}
		t[path.Join(root, p)] = row
	}
	return errs
}

// columns maps lower-case column names to their index.
func columns(header []string) map[string]int {
	cols := map[string]int{}
	for i, h := range header {
		cols[strings.ToLower(strings.TrimSpace(h))] = i
	}
	return cols
}

// readRow reads one record; msg says what is wrong with it.
func readRow(cols map[string]int, rec []string) (p string, row Row, msg string) {
	get := func(col string) string {
		if i, ok := cols[col]; ok && i < len(rec) {
			return strings.TrimSpace(rec[i])
		}
		return ""
	}
	if get("path") == "" {
		return "", row, ""
	}
	p = strings.TrimPrefix(path.Clean("/"+strings.ReplaceAll(get("path"), "\\", "/")), "/")
	if s := get("status"); s != "" {
		st, ok := model.NormalStatus(s)
		if !ok {
			return "", row, fmt.Sprintf("「status」列的「%s」不是%s之一", s, model.KnownStatuses())
		}
		row.Status = st
	}
	switch strings.ToLower(get("expired")) {
	case "", "0", "false", "no", "否":
	case "1", "true", "yes", "是":
		row.Expired = true
	default:
		return "", row, fmt.Sprintf("「expired」列的「%s」既不是0也不是1", get("expired"))
	}
	row.Published, row.ValidFrom = cndate.Day(get("publish")), cndate.Day(get("valid_from"))
	return p, row, ""
}

// errLine is the line a CSV error starts on.
func errLine(err error) int {
	var pe *csv.ParseError
	if errors.As(err, &pe) && pe.StartLine > 0 {
		return pe.StartLine
	}
	return 1
}

// csvMessage is a CSV error without the line encoding/csv prefixes.
func csvMessage(err error) string {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return "不是有效的CSV：「" + pe.Err.Error() + "」"
	}
	return "「" + err.Error() + "」"
}
