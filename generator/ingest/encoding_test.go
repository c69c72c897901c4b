package ingest

import (
	"bytes"
	"math/rand"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"tiaoli/generator/ingest/decode"
)

// reencode returns data, UTF-8 with LF, in another form: GB18030 and CRLF,
// a byte order mark, CR line ends, UTF-16.
func reencode(t *testing.T, data []byte, form string) []byte {
	t.Helper()
	switch form {
	case "gb18030-crlf":
		out, err := simplifiedchinese.GB18030.NewEncoder().Bytes(bytes.ReplaceAll(data, []byte("\n"), []byte("\r\n")))
		if err != nil {
			t.Fatal(err)
		}
		return out
	case "gbk-cr":
		out, err := simplifiedchinese.GBK.NewEncoder().Bytes(bytes.ReplaceAll(data, []byte("\n"), []byte("\r")))
		if err != nil {
			t.Skipf("sample not representable in GBK: %v", err)
		}
		return out
	case "bom-crlf":
		return append([]byte("\xEF\xBB\xBF"), bytes.ReplaceAll(data, []byte("\n"), []byte("\r\n"))...)
	case "utf16le":
		out, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes(data)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	t.Fatalf("unknown form %s", form)
	return nil
}

// TestEncodingsGiveSameDocuments checks that a copy of each sample in
// GB18030 with CRLF line ends (and in the other supported forms) gives the
// same documents as the UTF-8 original.
func TestEncodingsGiveSameDocuments(t *testing.T) {
	forms := map[string]string{
		"gb18030-crlf": decode.GB18030, "gbk-cr": decode.GB18030,
		"bom-crlf": decode.UTF8, "utf16le": decode.UTF16LE,
	}
	for _, name := range samples {
		orig := readSample(t, name)
		src, docs, errs := File("pages/"+name, orig)
		want := marshal(t, toGolden(nil, docs, errs))
		if src.Encoding != decode.UTF8 {
			t.Errorf("%s: encoding %q", name, src.Encoding)
		}
		for form, enc := range forms {
			t.Run(name+"/"+form, func(t *testing.T) {
				data := reencode(t, orig, form)
				if bytes.Equal(data, orig) {
					t.Fatal("re-encoding changed nothing")
				}
				src, docs, errs := File("pages/"+name, data)
				if src.Encoding != enc {
					t.Errorf("encoding %q, want %q", src.Encoding, enc)
				}
				if got := marshal(t, toGolden(nil, docs, errs)); !bytes.Equal(got, want) {
					t.Errorf("documents differ from the UTF-8 original")
				}
			})
		}
	}
}

// TestRefusedFiles checks that garbage, binary, badly encoded and
// oversized files give an error naming the file (and the line where it
// makes sense), never a panic and never documents.
func TestRefusedFiles(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	garbage := make([]byte, 4096)
	rng.Read(garbage)
	highBytes := make([]byte, 4096)
	for i := range highBytes {
		highBytes[i] = byte(0x80 + rng.Intn(0x80))
	}
	cases := []struct {
		name string
		data []byte
		line int
		msg  string
	}{
		{"garbage.txt", garbage, -1, "不读"},
		{"high-bytes.txt", highBytes, -1, "不读"},
		{"image.md", append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), garbage[:64]...), 3, "二进制"},
		{"bad-utf8.txt", []byte("第一行\n第二行\n\xff\xfe\xfd\xfc坏\n"), 3, "不符合UTF-8"},
		{"bom-then-bad.md", []byte("\xEF\xBB\xBF# 标题\n\xC0\x80\n"), 2, "不符合UTF-8"},
		{"huge.txt", bytes.Repeat([]byte("第一条 文字。\n"), decode.MaxSize/19+1), 0, "上限"},
		{"empty.txt", nil, 0, "没有正文"},
		{"blank.md", []byte("\n\u200b\n  \n<!-- only a comment -->\n"), 0, "没有正文"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			src, docs, errs := File("in/"+c.name, c.data)
			if src == nil || len(docs) != 0 || len(errs) != 1 {
				t.Fatalf("source %v, %d documents, errors %v; want one error and no documents", src, len(docs), errs)
			}
			e := errs[0]
			if e.Path != "in/"+c.name || !strings.Contains(e.Message, c.msg) {
				t.Errorf("error %q, want one naming the file and saying %q", e.Error(), c.msg)
			}
			if c.line >= 0 && e.Line != c.line {
				t.Errorf("error at line %d, want %d", e.Line, c.line)
			}
		})
	}
}
