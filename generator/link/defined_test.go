package link

import (
	"strings"
	"testing"
)

// TestDefinitionAcrossSemicolon: a "；" ends a definition only where what
// follows defines another term.
func TestDefinitionAcrossSemicolon(t *testing.T) {
	tests := []struct {
		in      string
		article bool
		want    []string
	}{
		{"本条例所称入湖河流，是指直接入湖的甲河、乙河；间接入湖的丙河、丁河。", true, []string{
			"入湖河流|defined|document|直接入湖的甲河、乙河；间接入湖的丙河、丁河|",
		}},
		{"本条例所称拆船，是指在码头拆解；在船坞拆解；冲滩拆解。", true, []string{
			"拆船|defined|document|在码头拆解；在船坞拆解；冲滩拆解|",
		}},
		{"本法所称电信，是指传送信息的活动；包括传统电信和新型电信。", true, []string{
			"电信|defined|document|传送信息的活动；包括传统电信和新型电信|",
		}},
		{"飞行中，是指起飞至着陆的期间；就飞艇而言，飞行中是指离地至着地的期间。", true, []string{
			"飞行中|defined|document|起飞至着陆的期间；就飞艇而言，飞行中是指离地至着地的期间|",
		}},
		// another definition after the "；" ends the first
		{"本办法所称协议，是指甲文件；所称合同，是指乙文件。", true, []string{
			"协议|defined|document|甲文件|",
			"合同|defined|document|乙文件|",
		}},
		{"本条所称古树，是指树龄百年以上的树木；名木，是指珍贵的树木。", true, []string{
			"古树|defined|article|树龄百年以上的树木|",
			"名木|defined|document|珍贵的树木|",
		}},
		{"本条所称市级机构，是指由省级机构领导的机构；工作站，通常是指由市级机构领导的机构。", true, []string{
			"市级机构|defined|article|由省级机构领导的机构|",
		}},
		{"本条例所称农用地，是指用于农业生产的土地；建设用地包括城乡住宅用地。", true, []string{
			"农用地|defined|document|用于农业生产的土地|",
		}},
	}
	for _, tt := range tests {
		var got []string
		for _, f := range findDefinitions(tt.in, tt.article) {
			got = append(got, describeFound(tt.in, f))
		}
		if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("findDefinitions(%q):\ngot  %q\nwant %q", tt.in, got, tt.want)
		}
	}
}
