package report

import (
	"unicode"

	"tiaoli/generator/model"
)

// repairKinds names the kinds of repairs and suspects the parser records
// (model.Repair.Kind) for editors, and says in a sentence what each does.
var repairKinds = map[string]struct{ name, why string }{
	"join":               {"断行接合", "此行接续上一行断开的句子，两行接为一句"},
	"list-marker":        {"删去列表符", "此行接续上一项，不是新的列表项"},
	"duplicate-char":     {"删去重复字", "断行两侧重复印出同一个字，本文别处只印一次"},
	"bracket":            {"补全括号", "本文件别处印出了成对的括号"},
	"unbalanced-bracket": {"括号不成对", "没有规则能判定缺失的一半应在何处，保留原样"},
	"punct-width":        {"标点改为全角", "汉字旁的半角标点按印刷惯例改为全角"},
	"split-article":      {"分出条文", "一句结束后印着按序应出的下一条，原文把两条印在一行"},
}

// kindName is the Chinese name of a repair kind; a kind this table does
// not know is named by what the entry is.
func kindName(kind string, changed bool) string {
	if k, ok := repairKinds[kind]; ok {
		return k.name
	}
	if changed {
		return "其他修复"
	}
	return "其他疑点"
}

// explain says why a repair was made: the kind's sentence, or the
// parser's own message when it is written in Chinese.
func explain(r model.Repair) string {
	if k, ok := repairKinds[r.Kind]; ok {
		return k.why
	}
	if hasLatinWord(r.Message) {
		return ""
	}
	return r.Message
}

// hasLatinWord reports whether s holds two Latin letters in a row.
func hasLatinWord(s string) bool {
	prev := false
	for _, r := range s {
		latin := r < unicode.MaxASCII && unicode.IsLetter(r)
		if latin && prev {
			return true
		}
		prev = latin
	}
	return false
}
