package link

import (
	"fmt"
	"strings"
	"testing"

	"tiaoli/generator/label"
	"tiaoli/generator/model"
)

// describeFound writes a find as term|kind|scope|definition|extra.
func describeFound(s string, f found) string {
	extra := f.Expansion + f.Acronym + f.KindOf
	if len(f.Members) > 0 {
		extra = fmt.Sprintf("%d:%s", f.Count, strings.Join(f.Members, "/"))
	}
	if s[f.Start:f.End] != f.Term.Term {
		return "BAD SPAN " + s[f.Start:f.End]
	}
	return strings.Join([]string{f.Term.Term, f.Kind, f.Scope, f.Definition, extra}, "|")
}

func TestFindDefinitions(t *testing.T) {
	tests := []struct {
		in      string
		article bool
		want    []string
	}{
		{"同下级党委(党组)、单位党组织(以下统称下级党组织)“一把手”就其…开展的谈话(以下简称监督谈话)。", true, []string{
			"下级党组织|defined|rest|下级党委(党组)、单位党组织|",
			"监督谈话|defined|rest|同下级党委(党组)、单位党组织“一把手”就其…开展的谈话|",
		}},
		{"联合印发了《关于严肃换届纪律加强换届风气监督的通知》（以下简称《通知》），要求", false, []string{
			"《通知》|abbreviation|rest|《关于严肃换届纪律加强换届风气监督的通知》|《关于严肃换届纪律加强换届风气监督的通知》",
		}},
		{"上人民政府海洋行政主管部门（简称海洋行政主管部门，下同）负责", true, []string{
			"海洋行政主管部门|abbreviation|rest|上人民政府海洋行政主管部门|上人民政府海洋行政主管部门",
		}},
		{"某公司（以下简称“甲公司”）", false, []string{"甲公司|defined|rest|某公司|"}},
		// a time or place adverbial between the predicate and what is
		// named goes (在…内, 自…之日起…日内, 在…前)
		{"自行拆除确有困难的，可以在决定载明的期限内申请某某部门或者乡镇人民政府组织拆除（以下简称申请拆除）。", false, []string{
			"申请拆除|abbreviation|rest|申请某某部门或者乡镇人民政府组织拆除|申请某某部门或者乡镇人民政府组织拆除",
		}},
		{"申请人可以自收到决定之日起十五日内申请复核某某结论（以下简称申请复核）。", false, []string{
			"申请复核|abbreviation|rest|申请复核某某结论|申请复核某某结论",
		}},
		{"发布某类广告，应当在发布前由有关部门（以下称审查机关）审查。", false, []string{
			"审查机关|defined|rest|有关部门|",
		}},
		// a bracket inside a frame names part of what the frame holds: an
		// exception (除…外, 除…以外) or a place or a time (在…内), without the
		// opener and what comes before it; and a ruling authority before an
		// exception's verb goes too
		{"除国家规定实行包修、包换、包退（以下简称三包）的商品外，省主管部门应当规定实行三包的商品目录。", false, []string{
			"三包|defined|rest|包修、包换、包退|",
		}},
		{"本条例所称民营企业，是指除国有独资企业、国有资本控股企业（以下统称国有企业）和外商投资企业以外依法设立的企业。", false, []string{
			"民营企业|defined|document|除国有独资企业、国有资本控股企业（以下统称国有企业）和外商投资企业以外依法设立的企业|",
			"国有企业|defined|rest|国有独资企业、国有资本控股企业|",
		}},
		{"除前两款规定的有关部门、负有管理责任的单位（以下统称管理单位）外，其他单位不得安装。", false, []string{
			"管理单位|defined|rest|前两款规定的有关部门、负有管理责任的单位|",
		}},
		{"某局在某协定或者某议定书规定的驳回期限(以下简称驳回期限)内，进行审查。", false, []string{
			"驳回期限|abbreviation|rest|某协定或者某议定书规定的驳回期限|某协定或者某议定书规定的驳回期限",
		}},
		{"危险物品应当储存在专用仓库、专用场地或者专用储存室(以下统称专用仓库)内，并由专人负责管理。", false, []string{
			"专用仓库|defined|rest|专用仓库、专用场地或者专用储存室|",
		}},
		// …but an exception without its closer after the bracket is none
		{"除尘设备（以下简称设备）应当定期检修。", false, []string{
			"设备|abbreviation|rest|除尘设备|除尘设备",
		}},
		// …but not a word that starts like one (起讫, 前述), nor before a 的
		{"单位应当在前述区域内从事某类采砂作业（以下简称采砂作业）。", false, []string{
			"采砂作业|abbreviation|rest|某类采砂作业|某类采砂作业",
		}},
		{"客运班车应当在起讫地客运站点、中途停靠地客运站点（以下统称配客站点）上下旅客。", false, []string{
			"配客站点|defined|rest|起讫地客运站点、中途停靠地客运站点|",
		}},
		{"可以在本市区域内从事某类活动的单位（以下简称活动单位）。", false, []string{
			"活动单位|abbreviation|rest|本市区域内从事某类活动的单位|本市区域内从事某类活动的单位",
		}},
		{"北京市人民代表大会常务委员会（以下简称市人大常委会）", false, []string{
			"市人大常委会|abbreviation|rest|北京市人民代表大会常务委员会|北京市人民代表大会常务委员会",
		}},
		{"国际货物（以下简称D公司，D公司并未开展实质经营活动）", false, []string{"D公司|defined|rest|国际货物|"}},
		// the key after a note in the same bracket: a document number, what
		// the named is
		{"现决定对《某某若干问题的解释》（法释〔2009〕19号，以下简称《解释》）作如下修改", false, []string{
			"《解释》|abbreviation|rest|《某某若干问题的解释》|《某某若干问题的解释》",
		}},
		{"本市行政区域内从事生产经营活动的单位（含个体工商户，以下统称生产经营单位）应当", false, []string{
			"生产经营单位|defined|rest|本市行政区域内从事生产经营活动的单位|",
		}},
		// …but a note that may itself be what is named leaves the bracket alone
		{"由甲部门和乙部门（甲部门和乙部门，以下统称审批机关）审批", false, nil},
		// each member of a list has its own bracket: the second abbreviates
		// its member alone, unless the first is followed by what makes it part
		// of the second (…（以下简称X）的…)
		{"本市设立的甲类服务站（以下简称甲站）和乙类服务站（以下简称乙站）应当", false, []string{
			"甲站|abbreviation|rest|本市设立的甲类服务站|本市设立的甲类服务站",
			"乙站|abbreviation|rest|乙类服务站|乙类服务站",
		}},
		{"适用于丙类设施（以下称丙设施）、丁类设施（以下称丁设施）。", false, []string{
			"丙设施|abbreviation|rest|丙类设施|丙类设施",
			"丁设施|abbreviation|rest|丁类设施|丁类设施",
		}},
		{"协会分为甲类的协会（以下简称甲协会）和不得对外招募的协会（以下简称非甲协会）", false, []string{
			"甲协会|abbreviation|rest|协会分为甲类的协会|协会分为甲类的协会",
			"非甲协会|defined|rest|不得对外招募的协会|",
		}},
		{"不得歧视信奉某教的人员（以下称信教人员）或者不信奉某教的人员（以下称不信教人员）", false, []string{
			"信教人员|abbreviation|rest|信奉某教的人员|信奉某教的人员",
			"不信教人员|abbreviation|rest|不信奉某教的人员|不信奉某教的人员",
		}},
		{"某州所辖地区（以下简称“地区”）、市的市辖区自考工作委员会（以下简称“地市考委”）", false, []string{
			"地区|abbreviation|rest|某州所辖地区|某州所辖地区",
			"地市考委|abbreviation|rest|某州所辖地区、市的市辖区自考工作委员会|某州所辖地区、市的市辖区自考工作委员会",
		}},
		{"适用于某省山林权属争议（以下简称山林争议）的调解处理（以下简称调处）活动", false, []string{
			"山林争议|abbreviation|rest|某省山林权属争议|某省山林权属争议",
			"调处|abbreviation|rest|某省山林权属争议的调解处理|某省山林权属争议的调解处理",
		}},
		// 包括 is the predicate: what it includes is named, unless 在内 makes
		// it qualify a noun
		{"水路运输包括甲类水路运输（以下简称甲运输）。", false, []string{
			"甲运输|abbreviation|rest|甲类水路运输|甲类水路运输",
		}},
		{"本市包括外籍人员在内的从业人员（以下简称人员）", false, []string{
			"人员|abbreviation|rest|本市包括外籍人员在内的从业人员|本市包括外籍人员在内的从业人员",
		}},
		// the doer after 由 and the addressee after 向 are what an
		// abbreviation whose characters they hold names, unless a 的 makes
		// the preposition open a qualifying clause, or it is part of a word
		{"甲业务由某某国甲务管理局（以下简称甲务局）归口管理", false, []string{
			"甲务局|abbreviation|rest|某某国甲务管理局|某某国甲务管理局",
		}},
		{"张某向某某争议仲裁委员会（以下简称仲裁委员会）申请仲裁", false, []string{
			"仲裁委员会|abbreviation|rest|某某争议仲裁委员会|某某争议仲裁委员会",
		}},
		{"违规向某某人员或单位赠送甲物、乙物（以下统称甲乙物）", false, []string{
			"甲乙物|defined|rest|违规向某某人员或单位赠送甲物、乙物|",
		}},
		{"依法向某某部门申请领取甲类许可证（以下简称许可证）", false, []string{
			"许可证|abbreviation|rest|甲类许可证|甲类许可证",
		}},
		{"本市由外国投资者投资的企业（以下简称外资企业）", false, []string{
			"外资企业|abbreviation|rest|本市由外国投资者投资的企业|本市由外国投资者投资的企业",
		}},
		{"某某自由贸易试验区（以下简称自贸区）", false, []string{
			"自贸区|abbreviation|rest|某某自由贸易试验区|某某自由贸易试验区",
		}},
		// a preposition needs a predicate after the party it governs: where
		// the bracket ends the clause, or a 的 follows it, 由 or 向 is part
		// of the name
		{"某某外向型经济示范区（以下简称示范区）", false, []string{
			"示范区|abbreviation|rest|某某外向型经济示范区|某某外向型经济示范区",
		}},
		{"某某双向投资促进中心（以下简称投资中心）。", false, []string{
			"投资中心|abbreviation|rest|某某双向投资促进中心|某某双向投资促进中心",
		}},
		{"本办法适用于某某定向培养专项计划（以下简称专项计划）", false, []string{
			"专项计划|abbreviation|rest|某某定向培养专项计划|某某定向培养专项计划",
		}},
		{"为了规范某某横向科研项目管理中心（以下简称项目中心）的工作", false, []string{
			"项目中心|abbreviation|rest|某某横向科研项目管理中心|某某横向科研项目管理中心",
		}},
		// 设立 inside the clause is its predicate where no 的 follows it
		{"某市人民政府设立某某新区管理委员会（以下简称管委会）", false, []string{
			"管委会|abbreviation|rest|某某新区管理委员会|某某新区管理委员会",
		}},
		{"经国务院批准设立的某某试验区（以下简称试验区）", false, []string{
			"试验区|abbreviation|rest|经国务院批准设立的某某试验区|经国务院批准设立的某某试验区",
		}},
		// …but not where what follows it is an act done on setting up,
		// which 设立 qualifies (设立登记, 设立许可)
		{"某某市企业设立登记服务中心（以下简称登记中心）", false, []string{
			"登记中心|abbreviation|rest|某某市企业设立登记服务中心|某某市企业设立登记服务中心",
		}},
		{"某某省设立许可审查中心（以下简称审查中心）", false, []string{
			"审查中心|abbreviation|rest|某某省设立许可审查中心|某某省设立许可审查中心",
		}},
		{"对外投资（以下简称投资，包括再投资）", false, []string{"投资|abbreviation|rest|对外投资|对外投资"}},
		{"监督谈话包括定期谈话和及时谈话。", true, []string{
			"定期谈话|introduced|rest|监督谈话包括定期谈话和及时谈话|监督谈话",
			"及时谈话|introduced|rest|监督谈话包括定期谈话和及时谈话|监督谈话",
		}},
		{"党委(党组)办公厅(室)〔履行办公厅(室)职责的部门，下同〕负责", true, []string{
			"办公厅(室)|defined|rest|履行办公厅(室)职责的部门|",
		}},
		{"燃气经营者应当与用户（包括居民用户、非居民用户，下同）签订合同", true, []string{
			"用户|defined|rest|包括居民用户、非居民用户|",
		}},
		// a definition inside a bracket ends with the bracket
		{"本法所称经营者，是指从事商品生产或者提供服务（以下所称商品包括服务）的组织。", true, []string{
			"经营者|defined|document|从事商品生产或者提供服务（以下所称商品包括服务）的组织|",
			"商品|defined|rest|包括服务|",
		}},
		{"本法所称的发明创造是指发明、实用新型和外观设计。", true, []string{
			"发明创造|defined|document|发明、实用新型和外观设计|",
		}},
		{"发明，是指对产品、方法或者其改进所提出的新的技术方案。", true, []string{
			"发明|defined|document|对产品、方法或者其改进所提出的新的技术方案|",
		}},
		{"发明，是指对产品、方法或者其改进所提出的新的技术方案。", false, nil},
		// 在某地是指: what the enclosing term means in one legal system,
		// no term of its own; a phrase that opens with another place stays
		{"（一）在内地是指：", true, nil},
		{"（二）在澳门特别行政区是指某法院作出的生效判决。", true, nil},
		{"在香港特别行政区某费是指经某官核定或者命令支付的费用。", true, nil},
		{"在境内发生某交易，是指下列情形：", true, []string{"在境内发生某交易|defined|document|下列情形：|"}},
		{"前款所称重大犯罪一般是指可能被判处无期徒刑的犯罪。", true, []string{
			"重大犯罪|defined|article|可能被判处无期徒刑的犯罪|",
		}},
		// a definition runs on across a "；" that does not start another
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
		// a "；" ends a definition only where another one follows
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
		{"本规则所称监督检查部门、审查调查部门，指的是履行职能的部门", true, []string{
			"监督检查部门|defined|document|履行职能的部门|",
			"审查调查部门|defined|document|履行职能的部门|",
		}},
		// Two jointly named things, each a term: the definition ends in
		// as many nouns in parallel, or each name is quoted, or both end
		// in the same head noun.
		{"本规定所称检验机构和检验人，是指经主管部门登记从事检验业务的机构和人员。", true, []string{
			"检验机构|defined|document|经主管部门登记从事检验业务的机构和人员|",
			"检验人|defined|document|经主管部门登记从事检验业务的机构和人员|",
		}},
		{"本规定所称检验机构、检验人是指从事检验业务的机构和人员。", true, []string{
			"检验机构|defined|document|从事检验业务的机构和人员|",
			"检验人|defined|document|从事检验业务的机构和人员|",
		}},
		{"本办法所称专业检测机构、专业检测人，是指从事检测业务的检测机构、检测人。", true, []string{
			"专业检测机构|defined|document|从事检测业务的检测机构、检测人|",
			"专业检测人|defined|document|从事检测业务的检测机构、检测人|",
		}},
		// A definition that repeats the compound names no nouns in parallel.
		{"本办法所称专职看护、押送人员，是指保安公司的专职看护、押送人员。", true, []string{
			"专职看护、押送人员|defined|document|保安公司的专职看护、押送人员|",
		}},
		{"本办法所称“二日”、 “七日”，是指工作日。", true, []string{
			"二日|defined|document|工作日|",
			"七日|defined|document|工作日|",
		}},
		{"本办法所称“数据处理系统”和“数据系统”，是指能够自动处理数据的系统。", true, []string{
			"数据处理系统|defined|document|能够自动处理数据的系统|",
			"数据系统|defined|document|能够自动处理数据的系统|",
		}},
		{"本条例所称工业用药品和兽用药品，是指列入目录的物质。", true, []string{
			"工业用药品|defined|document|列入目录的物质|",
			"兽用药品|defined|document|列入目录的物质|",
		}},
		{"对从事其他检测业务的检测机构、检测人（以下称其他检测机构、其他检测人），依法管理。", true, []string{
			"其他检测机构|defined|rest|从事其他检测业务的检测机构、检测人|",
			"其他检测人|defined|rest|从事其他检测业务的检测机构、检测人|",
		}},
		{"沿海的港口和港口水域(以下简称“港口”和“港口水域”)。", true, []string{
			"港口|defined|rest|沿海的港口和港口水域|",
			"港口水域|defined|rest|沿海的港口和港口水域|",
		}},
		// One name: a part too short to stand alone, a generic noun, a
		// member of a group (及其), a modifier shared by both nouns.
		{"本办法所称城市汽车和电车，是指按照固定线路营运的汽车和电车。", true, []string{
			"城市汽车和电车|defined|document|按照固定线路营运的汽车和电车|",
		}},
		{"本办法所称代表议案、建议和意见，是指代表提出的议案、建议和意见。", true, []string{
			"代表议案、建议和意见|defined|document|代表提出的议案、建议和意见|",
		}},
		{"本条例所称村合作组织及其成员，是指依法设立的合作社及其社员。", true, []string{
			"村合作组织及其成员|defined|document|依法设立的合作社及其社员|",
		}},
		{"本条例所称市容和卫生责任区，是指单位管理的场所及其周边区域。", true, []string{
			"市容和卫生责任区|defined|document|单位管理的场所及其周边区域|",
		}},
		{"本规定所称运营单位、建设单位、建设和运营单位是指承担有关职责的单位。", true, []string{
			"运营单位|defined|document|承担有关职责的单位|",
			"建设单位|defined|document|承担有关职责的单位|",
			"建设和运营单位|defined|document|承担有关职责的单位|",
		}},
		{"AEO是“经认证的经营者”的英文缩写。", false, []string{
			"AEO|acronym|corpus|AEO是“经认证的经营者”的英文缩写|经认证的经营者",
			"经认证的经营者|defined|corpus|AEO是“经认证的经营者”的英文缩写|AEO",
		}},
		{"经认证的经营者（英文缩写为AEO）互认。", false, []string{
			"经认证的经营者|defined|corpus|经认证的经营者（英文缩写为AEO）互认|AEO",
			"AEO|acronym|corpus|经认证的经营者（英文缩写为AEO）互认|经认证的经营者",
		}},
		{"明确了“十严禁”的换届纪律规定，即：严禁结党营私、搞小圈子，严禁拉票贿选，严禁干扰换届。", false, []string{
			"十严禁|list|corpus|严禁结党营私、搞小圈子，严禁拉票贿选，严禁干扰换届|10:严禁结党营私、搞小圈子/严禁拉票贿选/严禁干扰换届",
		}},
		{"增强“四个意识”：政治意识、大局意识、核心意识和看齐意识。", false, []string{
			"四个意识|list|corpus|政治意识、大局意识、核心意识和看齐意识|4:政治意识/大局意识/核心意识/看齐意识",
		}},
		{"围绕“七有”“五性”，坚持接诉即办，及时回应。", false, nil},
		{"“十三五”规划纲要提出", false, nil},
		{"（以下简称", false, nil},
		{"这是一句普通的话。", true, nil},
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

func TestSplitMembers(t *testing.T) {
	tests := []struct {
		text, stem string
		count      int
		want       string
	}{
		{"严禁甲、乙，严禁丙，严禁丁", "严禁", 3, "严禁甲、乙/严禁丙/严禁丁"},
		{"形式主义、官僚主义、享乐主义和奢靡之风", "风", 4, "形式主义/官僚主义/享乐主义/奢靡之风"},
		{"甲；乙；丙", "意识", 3, "甲/乙/丙"},
		{"甲，乙", "意识", 3, "甲/乙"}, // a mismatch is kept for the caller to report
		// phrases end where the sentence goes on after a comma
		{"何时、何地、何人和何事，只有弄清楚才能反映全貌", "何", 4, "何时/何地/何人/何事"},
		{"把握“从哪里来”和“往哪里去”，以准确审核处置意见", "走", 2, "把握“从哪里来”/“往哪里去”"},
		{"一是甲，乙；二是丙，丁", "是", 2, "一是甲，乙/二是丙，丁"},
	}
	for _, tt := range tests {
		if got := strings.Join(splitMembers(tt.text, tt.stem, tt.count), "/"); got != tt.want {
			t.Errorf("splitMembers(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestListName(t *testing.T) {
	tests := []struct {
		in    string
		count int
		stem  string
		ok    bool
	}{
		{"十严禁", 10, "严禁", true}, {"四风", 4, "风", true}, {"两个维护", 2, "维护", true},
		{"八项规定", 8, "规定", true}, {"一把手", 0, "", false}, {"十三五", 0, "", false}, {"AEO", 0, "", false},
	}
	for _, tt := range tests {
		count, stem, ok := listName(tt.in)
		if count != tt.count || stem != tt.stem || ok != tt.ok {
			t.Errorf("listName(%q) = %d, %q, %v", tt.in, count, stem, ok)
		}
	}
}

// describeRaw writes a raw reference as text|kind|article.suffix.para.item.sub|back|qual|title|through.
func describeRaw(s string, r rawRef) string {
	p := r.P
	out := fmt.Sprintf("%s|%d|%d.%d.%d.%d.%d|%d|%d|%s", s[r.Start:r.End], r.Kind, p.Article, p.Suffix, p.Para, p.Item, p.Sub, r.Back, r.Qual, r.Title)
	if r.Through != nil {
		out += fmt.Sprintf("|to %d.%d.%d", r.Through.Article, r.Through.Para, r.Through.Item)
	}
	return out
}

func TestScanRefs(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"依照第五条第二款第（三）项", []string{"第五条第二款第（三）项|1|5.0.2.3.0|0|0|"}},
		{"第一百零三条之一", []string{"第一百零三条之一|1|103.1.0.0.0|0|0|"}},
		{"参照前款规定进行", []string{"前款|5|0.0.0.0.0|1|0|"}},
		{"前两款规定", []string{"前两款|5|0.0.0.0.0|2|0|"}},
		{"有前款第一项情形", []string{"前款第一项|5|0.0.0.1.0|1|0|"}},
		{"依照前条规定", []string{"前条|4|0.0.0.0.0|1|0|"}},
		{"本条第二款", []string{"本条第二款|2|0.0.2.0.0|0|0|"}},
		{"违反本办法第十条", []string{"本办法第十条|1|10.0.0.0.0|0|1|办法"}},
		{"本办法自发布之日起施行", []string{"本办法|10|0.0.0.0.0|0|0|办法"}},
		{"本《办法》自发布之日起施行，违反本《条例》第十条的", []string{"本《办法》|10|0.0.0.0.0|0|0|办法", "本《条例》第十条|1|10.0.0.0.0|0|1|条例"}},
		{"根据《中国共产党党内监督条例》第五条", []string{
			"《中国共产党党内监督条例》|11|0.0.0.0.0|0|0|中国共产党党内监督条例",
			"第五条|1|5.0.0.0.0|0|2|中国共产党党内监督条例",
		}},
		// a note in brackets between a citation and its article
		{"依照《中华人民共和国民事诉讼法》（以下简称民事诉讼法）第二百一十九条", []string{
			"《中华人民共和国民事诉讼法》|11|0.0.0.0.0|0|0|中华人民共和国民事诉讼法",
			"第二百一十九条|1|219.0.0.0.0|0|2|中华人民共和国民事诉讼法",
		}},
		{"依据《关于某某问题的意见》（以下简称“两高《某某意见》”）第二条", []string{
			"《关于某某问题的意见》|11|0.0.0.0.0|0|0|关于某某问题的意见",
			"《某某意见》|11|0.0.0.0.0|0|0|某某意见",
			"第二条|1|2.0.0.0.0|0|2|某某意见",
		}},
		{"《某某条例》（2018年修正）第五条", []string{
			"《某某条例》|11|0.0.0.0.0|0|0|某某条例",
			"第五条|1|5.0.0.0.0|0|2|某某条例",
		}},
		{"依照刑法第二百三十四条", []string{"第二百三十四条|1|234.0.0.0.0|0|4|依照刑法"}},
		{"违反本条例规定第三十二条、第三十三条", []string{"本条例|10|0.0.0.0.0|0|0|条例", "第三十二条|1|32.0.0.0.0|0|0|", "第三十三条|1|33.0.0.0.0|0|0|"}},
		{"违反本规定第五条", []string{"本规定第五条|1|5.0.0.0.0|0|1|规定"}},
		{"依照中华人民共和国刑法第二条", []string{"第二条|1|2.0.0.0.0|0|4|依照中华人民共和国刑法"}},
		// the part of the law between its name and the article
		{"触犯刑法分则第九章第三百九十八条", []string{"第三百九十八条|1|398.0.0.0.0|0|4|触犯刑法"}},
		{"依照刑法第三章第二节第一百九十条", []string{"第一百九十条|1|190.0.0.0.0|0|4|依照刑法"}},
		{"依照本条例第五章第四十七条", []string{"本条例|10|0.0.0.0.0|0|0|条例", "第四十七条|1|47.0.0.0.0|0|0|"}},
		{"符合第九章第十条", []string{"第十条|1|10.0.0.0.0|0|0|"}},
		{"该法第三条", []string{"该法第三条|1|3.0.0.0.0|0|3|法"}},
		{"第三条第一款、第二款", []string{"第三条第一款|1|3.0.1.0.0|0|0|", "第二款|1|3.0.2.0.0|0|0|"}},
		{"第十条至第十二条", []string{"第十条至第十二条|1|10.0.0.0.0|0|0||to 12.0.0"}},
		{"第十条～第十二条", []string{"第十条～第十二条|1|10.0.0.0.0|0|0||to 12.0.0"}},
		{"第10条-第12条", []string{"第10条-第12条|1|10.0.0.0.0|0|0||to 12.0.0"}},
		{"第五条前款规定的情形", []string{"第五条|1|5.0.0.0.0|0|0|", "前款|5|0.0.0.0.0|1|0|"}},
		{"第五条修改为：", []string{"第五条|1|5.0.0.0.0|0|0|"}},
		// a list of bracketed items: each item is a reference of its own
		{"前款第（一）、（二）项所列", []string{"前款第（一）|5|0.0.0.1.0|1|0|", "（二）项|5|0.0.0.2.0|1|0|"}},
		{"违反本条例第十五条第（一）、（三）、（四）项", []string{
			"本条例第十五条第（一）|1|15.0.0.1.0|0|1|条例", "（三）|1|15.0.0.3.0|0|1|条例", "（四）项|1|15.0.0.4.0|0|1|条例",
		}},
		{"第五条第二款第（一）至（三）项", []string{"第五条第二款第（一）至（三）项|1|5.0.2.1.0|0|0||to 5.2.3"}},
		{"前款第（一）和（二）项", []string{"前款第（一）|5|0.0.0.1.0|1|0|", "（二）项|5|0.0.0.2.0|1|0|"}},
		{"第五条第（一）、第（三）项", []string{"第五条第（一）|1|5.0.0.1.0|0|0|", "第（三）项|1|5.0.0.3.0|0|0|"}},
		{"本条第二款第（一）（二）项", []string{"本条第二款第（一）|3|0.0.2.1.0|0|0|", "（二）项|3|0.0.2.2.0|0|0|"}},
		{"第（一）、（二）、（五）至（七）项", []string{"第（一）|3|0.0.0.1.0|0|0|", "（二）|3|0.0.0.2.0|0|0|", "（五）至（七）项|3|0.0.0.5.0|0|0||to 0.0.7"}},
		{"第（一）、（二）两项", []string{"第（一）|3|0.0.0.1.0|0|0|", "（二）两项|3|0.0.0.2.0|0|0|"}},
		{"第（一）、（二）项目", nil},
		{"对照上述法规文件", []string{"上述法规文件|12|0.0.0.0.0|0|0|法规文件"}},
		{"上述损失", nil},
		{"第一条件、第三项目、第二款式、第26043期", nil},
		{"目前条件、提前款项、支前款物、基本规定、成本法", nil},
		{"《消息报》报道", []string{"《消息报》|11|0.0.0.0.0|0|0|消息报"}},
		{"《关于修改〈中华人民共和国专利法〉的决定》", []string{"《关于修改〈中华人民共和国专利法〉的决定》|11|0.0.0.0.0|0|0|关于修改〈中华人民共和国专利法〉的决定"}},
		{"《未闭合", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, r := range scanRefs(tt.in) {
			got = append(got, describeRaw(tt.in, r))
		}
		if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("scanRefs(%q):\ngot  %q\nwant %q", tt.in, got, tt.want)
		}
	}
}

func TestGoodBoundary(t *testing.T) {
	tests := []struct {
		text, term string
		want       bool
	}{
		{"AEO企业", "AEO", true},
		{"AEOS标准", "AEO", false},
		{"XAEO", "AEO", false},
		{"拨打12380举报", "12380", true},
		{"拨打123801", "12380", false},
		{"严重四风问题", "四风", true},
		{"第十四风", "四风", false},
		{"作为谈话人", "谈话", false},
		{"非企业单位", "企业", false},
		{"具有代表性", "代表", false},
		{"市人民代表大会常务委员会", "代表", false},
		{"人大代表应当出席", "代表", true},
		{"向地方党组织通报", "党组", false},
		{"召开职工代表大会", "职工代表", false},
		{"职工代表应当", "职工代表", true},
		{"主管部门党组讨论决定", "党组", true},
		{"经国务院保险监督管理机构批准", "保险", false},
		{"渔政渔港监督管理机构责令", "渔港", false},
		{"报企业主管部门批准", "企业", true},
		{"公园管理机构负责", "公园", true},
		{"食品安全监督管理部门", "食品安全", false},
		{"文物行政部门", "文物", false},
		{"烟草专卖行政主管部门", "烟草专卖", false},
		{"国家保密行政管理部门", "保密", false},
		{"渔港监督管理机关", "渔港", false},
		{"向档案馆移交", "档案", false},
		{"档案管理", "档案", true},
		{"市物业管理行业协会应当", "物业管理", false},
		{"向见义勇为基金会捐赠", "见义勇为", false},
		{"境外基金会在中国内地设立代表机构", "境外", true},
		{"非公募基金会", "非公募", true},
		{"地方性公募基金会", "公募", true},
		{"律师协会应当", "律师", true},
		{"缴纳企业所得税", "所得", false},
		{"车船税的纳税地点", "车船", false},
		{"所得税税款", "所得", false},
		{"决定企业税后利润", "企业", true},
		{"代表机构税务登记", "代表机构", true},
		{"吨税税款", "吨税", true},
		{"缴纳所得税后的利润", "所得", false},
		{"企业税负", "企业", true},
		{"扩大企业税基", "企业", true},
		{"进口货物税则", "进口货物", true},
		{"企业税制改革", "企业", true},
		{"残疾人联合会代表残疾人", "残疾人", true},
		{"保险公司", "保险", true},
		{"博物馆馆舍建设", "博物馆", true},
	}
	for _, tt := range tests {
		i := strings.Index(tt.text, tt.term)
		if got := goodBoundary(tt.text, i, i+len(tt.term)); got != tt.want {
			t.Errorf("goodBoundary(%q, %q) = %v", tt.text, tt.term, got)
		}
	}
}

func TestNamesOtherBody(t *testing.T) {
	tests := []struct {
		text, term, phrase string
		want               bool
	}{
		{"区、县和乡、镇人民代表大会代表建议", "代表", "市人民代表大会代表", true},
		{"本省选出的全国人民代表大会代表", "代表", "省人民代表大会代表", true},
		{"报山东省人民代表大会常务委员会批准", "常务委员会", "市人民代表大会常务委员会", true},
		{"各县（市、区）人民代表大会常务委员会", "常务委员会", "市人民代表大会常务委员会", true},
		{"报省人民政府文化主管部门", "文化主管部门", "市、县人民政府文化主管部门", true},
		// the same body, or a level the phrase names
		{"本市人民代表大会代表", "代表", "市人民代表大会代表", false},
		{"代表应当", "代表", "市人民代表大会代表", false},
		{"由县人民政府城乡规划主管部门", "城乡规划主管部门", "市、县人民政府城乡规划主管部门", false},
		{"区、县人民代表大会常务委员会", "常务委员会", "市和区、县人民代表大会常务委员会", false},
		{"市人民政府设立北京经济技术开发区", "开发区", "经国务院批准设立的北京经济技术开发区", false},
		{"本级人民代表大会常务委员会", "常务委员会", "省人民代表大会常务委员会", false},
		{"开发区设立某某开发区管理委员会", "开发区", "附近岛屿设立某某开发区", false},
		{"县级人民政府水行政主管部门", "水行政主管部门", "县级以上人民政府水行政主管部门", false},
		{"省人民代表大会常务委员会", "常务委员会", "县级以上地方各级人民代表大会常务委员会", false},
	}
	for _, tt := range tests {
		i := strings.LastIndex(tt.text, tt.term)
		term := &model.Term{Term: tt.term, Kind: model.TermAbbreviation, Definition: tt.phrase}
		if got := namesOtherBody(term, tt.text, i, i+len(tt.term)); got != tt.want {
			t.Errorf("namesOtherBody(%q, %q, %q) = %v", tt.text, tt.term, tt.phrase, got)
		}
	}
	defined := &model.Term{Term: "代表", Kind: model.TermDefined, Definition: "市人民代表大会代表"}
	if s := "区人民代表大会代表"; namesOtherBody(defined, s, len(s)-len("代表"), len(s)) {
		t.Error("a defined term is a use wherever it is printed")
	}
}

// TestSoCalledFirstRune: findSoCalled looks for 所称 only in texts that
// hold 所, which folding traditional forms (label.Fold) never makes.
func TestSoCalledFirstRune(t *testing.T) {
	for r := rune(0); r <= 0x10FFFF; r++ {
		if r != '所' && label.Simplify(r) == '所' {
			t.Fatalf("%c folds to 所", r)
		}
	}
}

// TestFinderTriggers: every word a finder's patterns are built on holds
// the finder's trigger, so that a text without it cannot hold a pattern.
func TestFinderTriggers(t *testing.T) {
	holds := func(name string, words []string, trigger string) {
		for _, w := range words {
			if !strings.Contains(w, trigger) {
				t.Errorf("%s word %q lacks the trigger %q", name, w, trigger)
			}
		}
	}
	var keys, verbs []string
	for _, k := range abbreviationKeys {
		keys = append(keys, k.key)
	}
	for _, v := range initialVerbs {
		verbs = append(verbs, v.verb)
	}
	holds("abbreviationKeys", keys, "称")
	holds("initialVerbs", verbs, "指")
	holds("acronymKeys", acronymKeys, "英文")
	if len(definitionFinders) > 32 {
		t.Errorf("%d finders: triggersIn has a bit for 32", len(definitionFinders))
	}
}

// TestFindersSkipNothing: on the texts of the sample pages, a finder
// whose trigger a text lacks finds nothing there when made to read it.
func TestFindersSkipNothing(t *testing.T) {
	for _, d := range sampleCorpus(t).Documents {
		for _, x := range textsOf(d) {
			checkSkipped(t, x.p.Text)
		}
	}
	for _, s := range fuzzSeeds {
		checkSkipped(t, s)
	}
}

// checkSkipped fails when triggersIn does not report the finders whose
// words s holds (strings.Contains), or when a finder that findDefinitions
// skips on s for want of its words would find a term in s.
func checkSkipped(t *testing.T, s string) {
	t.Helper()
	held := triggersIn(s)
	for i, f := range definitionFinders {
		holds := false
		for _, w := range f.triggers {
			holds = holds || strings.Contains(s, w)
		}
		if got := held&(1<<i) != 0; got != holds {
			t.Fatalf("triggersIn(%q) says %v of finder %d, strings.Contains %v", s, got, i, holds)
		}
		if !holds {
			if got := f.find(s); len(got) > 0 {
				t.Fatalf("finder %d skips %q but finds %q", i, s, got[0].Term.Term)
			}
		}
	}
}

// TestRefScannersRead: scanRefs reads a reference at the first rune of
// each of refScanners, which refStarts is made of; each has an example.
func TestRefScannersRead(t *testing.T) {
	examples := map[rune]string{'第': "第五条", '前': "前款", '本': "本法", '《': "《刑法》", '上': "上述法规文件",
		'该': "该法第三条", '該': "該法第三条"}
	for _, sc := range refScanners {
		ex, ok := examples[sc.first]
		if !ok {
			t.Errorf("no example of a reference starting with %q", sc.first)
			continue
		}
		if !refStarts.Has(sc.first) {
			t.Errorf("refStarts lacks %q", sc.first)
		}
		if refs := scanRefs(ex); len(refs) == 0 || refs[0].Start != 0 {
			t.Errorf("scanRefs(%q) = %v, want a reference at its start", ex, refs)
		}
	}
}
