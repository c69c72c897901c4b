// Package decode turns the bytes of a source file into UTF-8 text with
// "\n" line ends, detecting its encoding: UTF-8 with or without a byte
// order mark, UTF-16 with a byte order mark, or GB18030 (which includes
// GBK and GB2312).
//
// A file is refused, with an error that says why and, where it makes
// sense, on which line, when it is over MaxSize, when it looks binary
// (NUL bytes or many control characters), or when it is neither valid
// UTF-8 nor valid GB18030. Decoding never changes the number of lines: a
// CRLF or a lone CR ends a line just as LF does, so line numbers in the
// text are the file's.
package decode

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	xunicode "golang.org/x/text/encoding/unicode"
)

// MaxSize is the largest file read, in bytes.
const MaxSize = 16 << 20

// Encodings as recorded in model.Source.Encoding.
const (
	UTF8    = "utf-8"
	UTF16LE = "utf-16le"
	UTF16BE = "utf-16be"
	GB18030 = "gb18030"
)

// maxControlRatio is the share of control characters above which a file is
// taken for binary.
const maxControlRatio = 0.01

// Error is a reason a file cannot be read as text. Line is 0 when the
// problem is the whole file.
type Error struct {
	Line    int
	Message string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("第%d行：%s", e.Line, e.Message)
	}
	return e.Message
}

// TooLarge is the error of a file of n bytes, over MaxSize: callers that
// know a file's size refuse it with this before they read it.
func TooLarge(n int64) *Error {
	return &Error{Message: fmt.Sprintf("文件大小%s，超过来源文件上限%s，不读", size(n), size(MaxSize))}
}

// Decode returns the text of data and the name of its encoding.
func Decode(data []byte) (text, enc string, err error) {
	if len(data) > MaxSize {
		return "", "", TooLarge(int64(len(data)))
	}
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data, enc = data[3:], UTF8
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return fromUTF16(data, xunicode.LittleEndian, UTF16LE)
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return fromUTF16(data, xunicode.BigEndian, UTF16BE)
	}
	if line, ok := binaryLine(data); ok {
		return "", "", &Error{Line: line, Message: "含二进制数据（空字节或控制字节），不是文本文件，不读"}
	}
	if utf8.Valid(data) {
		return Lines(string(data)), UTF8, nil
	}
	if enc == UTF8 { // a UTF-8 byte order mark, then invalid UTF-8
		return "", "", invalidUTF8(data)
	}
	s, ok := fromGB18030(data)
	if !ok {
		return "", "", invalidUTF8(data)
	}
	if line, bad := controlLine(s); bad {
		return "", "", &Error{Line: line, Message: "解码后含控制字符，不是文本文件，不读"}
	}
	return Lines(s), GB18030, nil
}

// Lines turns CRLF and lone CR line ends into LF.
func Lines(s string) string {
	if strings.IndexByte(s, '\r') < 0 {
		return s
	}
	var b bytes.Buffer
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\r' {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('\n')
		if i+1 < len(s) && s[i+1] == '\n' {
			i++
		}
	}
	return b.String()
}

func fromUTF16(data []byte, order xunicode.Endianness, name string) (string, string, error) {
	dec := xunicode.UTF16(order, xunicode.ExpectBOM).NewDecoder()
	out, err := dec.Bytes(data)
	if err != nil || bytes.Contains(out, []byte("\uFFFD")) {
		return "", "", &Error{Message: "不是有效的" + name + "文本，不读"}
	}
	if line, bad := controlLine(string(out)); bad {
		return "", "", &Error{Line: line, Message: "含控制字符，不是文本文件，不读"}
	}
	return Lines(string(out)), name, nil
}

// fromGB18030 decodes data as GB18030, reporting false when any byte
// sequence is invalid or decodes to something no text holds.
func fromGB18030(data []byte) (string, bool) {
	out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
	if err != nil || bytes.Contains(out, []byte("\uFFFD")) {
		return "", false
	}
	s := string(out)
	odd, total := 0, 0
	for _, r := range s {
		total++
		if !plausible(r) {
			odd++
		}
	}
	// Text really written in GB18030 is Chinese, ASCII and punctuation;
	// bytes that only happen to decode give rare and unassigned runes.
	return s, odd*20 <= total
}

// plausible reports whether r is a character Chinese text commonly holds.
func plausible(r rune) bool {
	switch {
	case r < 0x80:
		return true
	case r >= 0x4E00 && r <= 0x9FFF, // CJK unified ideographs
		r >= 0x3000 && r <= 0x303F, // CJK symbols and punctuation
		r >= 0xFF00 && r <= 0xFFEF, // full-width forms
		r >= 0x2000 && r <= 0x206F, // general punctuation
		r >= 0x20A0 && r <= 0x20CF, // currency signs
		r >= 0x2460 && r <= 0x24FF, // enclosed numbers
		r >= 0x25A0 && r <= 0x25FF, // geometric shapes ▲
		r >= 0x00A0 && r <= 0x00FF,
		r >= 0x3400 && r <= 0x4DBF, // extension A
		r >= 0x2100 && r <= 0x218F, // letterlike, number forms ℃ Ⅱ
		r >= 0x0391 && r <= 0x03C9, // Greek
		r >= 0x0410 && r <= 0x044F: // Cyrillic
		return true
	}
	return false
}

// binaryLine finds a NUL byte, or too many C0 control bytes, and the line
// of the first one.
func binaryLine(data []byte) (int, bool) {
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return lineAt(data, i), true
	}
	first, n := -1, 0
	for i, c := range data {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v' && c != 0x1B {
			if first < 0 {
				first = i
			}
			n++
		}
	}
	if n > 0 && float64(n) > maxControlRatio*float64(len(data))+1 {
		return lineAt(data, first), true
	}
	return 0, false
}

// controlLine is binaryLine for decoded text.
func controlLine(s string) (int, bool) {
	line, n, total, first := 1, 0, 0, 0
	for _, r := range s {
		total++
		if r == '\n' {
			line++
			continue
		}
		if unicode.IsControl(r) && r != '\r' && r != '\t' && r != '\f' && r != '\v' {
			if n == 0 {
				first = line
			}
			n++
		}
	}
	if n > 0 && float64(n) > maxControlRatio*float64(total)+1 {
		return first, true
	}
	return 0, false
}

func invalidUTF8(data []byte) error {
	i := 0
	for i < len(data) {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			break
		}
		i += n
	}
	return &Error{Line: lineAt(data, i), Message: fmt.Sprintf(
		"编码无效：字节0x%02X不符合UTF-8，全文也不是GB18030，不读", at(data, i))}
}

func at(data []byte, i int) byte {
	if i < len(data) {
		return data[i]
	}
	return 0
}

// lineAt is the 1-based line of byte offset i, counting CRLF, CR and LF
// line ends as Lines does.
func lineAt(data []byte, i int) int {
	line := 1
	for j := 0; j < i && j < len(data); j++ {
		switch data[j] {
		case '\n':
			line++
		case '\r':
			if j+1 >= len(data) || data[j+1] != '\n' {
				line++
			}
		}
	}
	return line
}

func size(n int64) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%.1f兆字节", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%d字节", n)
}
