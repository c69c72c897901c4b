package words

import (
	"reflect"
	"strings"
	"testing"
)

func TestCut(t *testing.T) {
	d, err := Read(strings.NewReader("劳动 100\n合同 100\n劳动合同 50\n解除 80\n怎么办 30\n单位 90\n社保 10\n交 40\n不 100\n给 100\n"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		in   string
		want []string
	}{
		{"单位不给交社保怎么办？", []string{"单位", "不", "给", "交", "社保", "怎么办"}},
		{"解除劳动合同", []string{"解除", "劳动合同"}},
		{"AEO认证3个月", []string{"aeo", "认", "证", "3", "个", "月"}},
		{"", nil},
	}
	for _, tc := range tests {
		if got := d.Cut(tc.in); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Cut(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestDefaultDict(t *testing.T) {
	d := Default()
	got := d.Cut("企业是否必须要为从事危险作业的职工缴纳工伤保险费？")
	want := "企业 是否 必须 要 为 从事 危险 作业 的 职工 缴纳 工伤保险 费"
	if strings.Join(got, " ") != want {
		t.Errorf("Cut = %q, want %q", strings.Join(got, " "), want)
	}
	d.Add("工伤保险费", 100)
	if got := d.Cut("缴纳工伤保险费"); len(got) != 2 {
		t.Errorf("after Add: %q", got)
	}
	if Default().Has("工伤保险费") {
		t.Error("Add changed the shared dictionary")
	}
}
