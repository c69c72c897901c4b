package model

import (
	"regexp"
	"strconv"
	"strings"
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
