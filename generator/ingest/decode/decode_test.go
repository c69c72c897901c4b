package decode

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

func gb(s string) string {
	out, err := simplifiedchinese.GB18030.NewEncoder().String(s)
	if err != nil {
		panic(err)
	}
	return out
}

func TestDecode(t *testing.T) {
	cases := []struct {
		name, in, text, enc string
		errLine             int
		errHas              string
	}{
		{name: "utf-8", in: "第一条\n正文", text: "第一条\n正文", enc: UTF8},
		{name: "bom", in: "\xEF\xBB\xBF标题\n", text: "标题\n", enc: UTF8},
		{name: "crlf", in: "甲\r\n乙\r\n", text: "甲\n乙\n", enc: UTF8},
		{name: "cr", in: "甲\r乙\r\r丙", text: "甲\n乙\n\n丙", enc: UTF8},
		{name: "gb18030", in: gb("中共中央办公厅印发\r\n（二〇二六年）€"), text: "中共中央办公厅印发\n（二〇二六年）€", enc: GB18030},
		{name: "utf-16le", in: "\xFF\xFE\x32\x75\x0A\x00", text: "甲\n", enc: UTF16LE},
		{name: "ascii", in: "plain ascii\n", text: "plain ascii\n", enc: UTF8},
		{name: "nul", in: "甲\n乙\x00丙", errLine: 2, errHas: "二进制"},
		{name: "controls", in: strings.Repeat("\x01\x02abc\n", 20), errLine: 1, errHas: "二进制"},
		{name: "invalid", in: "好\n好\n\xff\xff\xff\xff", errLine: 3, errHas: "不符合UTF-8"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			text, enc, err := Decode([]byte(c.in))
			if c.errHas != "" {
				e, ok := err.(*Error)
				if !ok || e.Line != c.errLine || !strings.Contains(e.Message, c.errHas) {
					t.Fatalf("error %v, want line %d saying %q", err, c.errLine, c.errHas)
				}
				return
			}
			if err != nil || text != c.text || enc != c.enc {
				t.Errorf("Decode = %q, %q, %v; want %q, %q", text, enc, err, c.text, c.enc)
			}
		})
	}
}

func TestDecodeTooLarge(t *testing.T) {
	_, _, err := Decode(make([]byte, MaxSize+1))
	if err == nil || !strings.Contains(err.Error(), "上限16.0兆字节") {
		t.Fatalf("error %v, want the size limit", err)
	}
}

// FuzzDecode checks that decoding never panics and that text it accepts
// is valid UTF-8 with no CR left and the input's number of lines.
func FuzzDecode(f *testing.F) {
	for _, s := range []string{"第一条\r\n", "\xEF\xBB\xBF#", gb("气象 今日"), "\xFF\xFE\x00", "\x00", "a\rb"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		text, enc, err := Decode(data)
		if err != nil {
			return
		}
		if strings.Contains(text, "\r") || enc == "" || !utf8Valid(text) {
			t.Fatalf("bad text %q (%s)", text, enc)
		}
		if enc == UTF8 && strings.Count(text, "\n") != lineAt(data, len(data))-1 {
			t.Fatalf("lines changed: %q → %q", data, text)
		}
	})
}

func utf8Valid(s string) bool { return strings.ToValidUTF8(s, "\uFFFD") == s }
