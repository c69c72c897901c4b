package model

import (
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

var (
	yamlLine    = regexp.MustCompile(`line (\d+)`)
	yamlLineCut = regexp.MustCompile(`line \d+:\s*`)
)

// YAMLError is the error of a YAML file at path that does not parse (the
// pins, the glossary, front matter): at the line the parser names, its
// words quoted after the Chinese.
func YAMLError(path string, err error) Error {
	msg := err.Error()
	line := 0
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
	}
	msg = strings.TrimSpace(yamlLineCut.ReplaceAllString(strings.TrimPrefix(msg, "yaml: "), ""))
	return Error{Path: path, Line: line, Message: "不是有效的YAML：「" + msg + "」"}
}

// YAMLList reads an editors' file at path that holds a YAML list (the
// glossary, the pins, works.yaml): the nodes of its entries, each for the
// caller to decode and report at its line. Empty data, or a file of
// nothing, is an empty list; a file that does not parse, or holds no
// list, is one error, notList saying what the list should hold.
func YAMLList(path string, data []byte, notList string) ([]*yaml.Node, []Error) {
	if len(strings.TrimSpace(string(data))) == 0 {
		return nil, nil
	}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, []Error{YAMLError(path, err)}
	}
	if len(root.Content) == 0 {
		return nil, nil
	}
	list := root.Content[0]
	if list.Kind != yaml.SequenceNode {
		return nil, []Error{{Path: path, Line: list.Line, Message: notList}}
	}
	return list.Content, nil
}

// YAMLEntry decodes an entry of such a list into v, or says at the
// entry's line why it cannot.
func YAMLEntry(path string, n *yaml.Node, v any) *Error {
	if err := n.Decode(v); err != nil {
		return &Error{Path: path, Line: n.Line, Message: "这一项读不出：「" + err.Error() + "」"}
	}
	return nil
}
