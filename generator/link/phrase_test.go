package link

import (
	"strings"
	"testing"
)

// TestAbbreviatedPhrase: a bracket after a whole clause abbreviates the
// phrase that ends the clause, not the clause.
func TestAbbreviatedPhrase(t *testing.T) {
	tests := []struct{ in, want string }{
		// the object of the clause's verb
		{"县级以上人民政府应当向承包方颁发林地使用证或者草原证（以下统称林地使用证）等证书。",
			"林地使用证|defined|rest|林地使用证或者草原证|"},
		{"本条例适用于某某港湾保税区（以下简称保税区）的管理。",
			"保税区|abbreviation|rest|某某港湾保税区|某某港湾保税区"},
		{"司法行政部门应当加强与办理案件的侦查机关、审判机关（以下统称办案机关）的沟通。",
			"办案机关|defined|rest|办理案件的侦查机关、审判机关|"},
		{"区人民政府应当会同公安机关、检察机关（以下统称政法机关）建立机制。",
			"政法机关|defined|rest|公安机关、检察机关|"},
		{"社区卫生服务中心应当配备全科执业医师（以下简称全科医师）。",
			"全科医师|abbreviation|rest|全科执业医师|全科执业医师"},
		{"本条例所称城市公共交通设施（以下简称公交设施），是指站台。",
			"公交设施|abbreviation|rest|城市公共交通设施|城市公共交通设施"},
		{"市财政部门应当及时向市人民代表大会财政经济委员会（以下简称财经委）报送。",
			"财经委|abbreviation|rest|市人民代表大会财政经济委员会|市人民代表大会财政经济委员会"},
		{"某部门是本市供水和排水主管部门（以下简称供排水主管部门）。",
			"供排水主管部门|abbreviation|rest|本市供水和排水主管部门|本市供水和排水主管部门"},
		{"举办全部由外国投资者投资的企业（以下简称外资企业）。",
			"外资企业|abbreviation|rest|全部由外国投资者投资的企业|全部由外国投资者投资的企业"},
		// what the preposition 对 governs, and the object of 推动, 开展 …
		{"坚持中国共产党对保守国家秘密（以下简称保密）工作的领导。",
			"保密|abbreviation|rest|保守国家秘密|保守国家秘密"},
		{"为了推动全民所有制工业企业（以下简称企业）进入市场，制定本条例。",
			"企业|abbreviation|rest|全民所有制工业企业|全民所有制工业企业"},
		{"国家对外贸易经营者（以下简称经营者）依法经营。",
			"经营者|abbreviation|rest|国家对外贸易经营者|国家对外贸易经营者"},
		{"本省行政区域内对环境有影响的建设项目（以下简称项目），应当评价。",
			"项目|abbreviation|rest|本省行政区域内对环境有影响的建设项目|本省行政区域内对环境有影响的建设项目"},
		{"但对于党的中央委员会委员（以下简称中央委员），应当报告。",
			"中央委员|abbreviation|rest|党的中央委员会委员|党的中央委员会委员"},
		// a verb that starts what is left of the clause goes: with no 的
		// after it, or one that chooses what the term names
		{"代表工作机构应当结合某某市人民代表大会常务委员会（以下简称常务委员会）的安排。",
			"常务委员会|abbreviation|rest|某某市人民代表大会常务委员会|某某市人民代表大会常务委员会"},
		{"有关部门应当依法履行某某省人民代表大会常务委员会（以下简称省人大常委会）交办的事项。",
			"省人大常委会|abbreviation|rest|某某省人民代表大会常务委员会|某某省人民代表大会常务委员会"},
		{"区人民政府应当确定负责信访工作的机构（以下简称信访工作机构）。",
			"信访工作机构|abbreviation|rest|负责信访工作的机构|负责信访工作的机构"},
		{"某某部门应当利用户外广告设施管理综合服务信息系统（以下简称服务系统）实行动态管理。",
			"服务系统|abbreviation|rest|户外广告设施管理综合服务信息系统|户外广告设施管理综合服务信息系统"},
		{"会议期间，提请市人民代表大会常务委员会主任会议（以下简称主任会议）决定。",
			"主任会议|abbreviation|rest|市人民代表大会常务委员会主任会议|市人民代表大会常务委员会主任会议"},
		// a verb that furthers a party goes before a 的 too, but not right
		// before it; 报 goes before an authority's name
		{"为促进经济交流，鼓励台湾的公司、企业和个人（以下统称台湾投资者）在大陆投资。",
			"台湾投资者|defined|rest|台湾的公司、企业和个人|"},
		{"复议机关应当履行职责，领导并支持本机关负责法制工作的机构（以下简称法制机构）依法办理复议事项。",
			"法制机构|abbreviation|rest|本机关负责法制工作的机构|本机关负责法制工作的机构"},
		{"国家鼓励的产业项目（以下简称鼓励项目）享受优惠。",
			"鼓励项目|abbreviation|rest|国家鼓励的产业项目|国家鼓励的产业项目"},
		{"行政机关应当将检查计划报同级人民政府指定的部门（以下统称指定部门）备案。",
			"指定部门|defined|rest|同级人民政府指定的部门|"},
		// a verb before a name an authority qualifies goes (使用国务院确定的…),
		// not one that opens a clause of its own (通过公开募集方式设立的基金, below)
		{"使用国务院确定的国家所有的重点林区（以下简称重点林区）的林地的单位，应当登记。",
			"重点林区|abbreviation|rest|国务院确定的国家所有的重点林区|国务院确定的国家所有的重点林区"},
		{"某某规划应当符合省人民政府批准并公布实施的某某试验区建设规划（以下简称试验区规划）。",
			"试验区规划|abbreviation|rest|省人民政府批准并公布实施的某某试验区建设规划|省人民政府批准并公布实施的某某试验区建设规划"},
		// after 所称 the phrase is a name as the law prints it, verb and all
		{"本条例所称的维护社会治安见义勇为（以下简称见义勇为），是指某种行为。",
			"见义勇为|abbreviation|rest|维护社会治安见义勇为|维护社会治安见义勇为"},
		// after a governing verb, a second verb goes too (鼓励建立…), and
		// so does a governing verb joined to it (鼓励和支持)
		{"鼓励建立为刑释解教人员提供帮教服务的专业社会组织和志愿者组织（以下统称社会帮教组织）。",
			"社会帮教组织|defined|rest|为刑释解教人员提供帮教服务的专业社会组织和志愿者组织|"},
		{"各级人民政府应当鼓励和支持社会力量举办的养老服务机构（以下简称社会养老机构）发展。",
			"社会养老机构|abbreviation|rest|社会力量举办的养老服务机构|社会力量举办的养老服务机构"},
		{"各级人民政府应当鼓励、支持社会力量举办的养老服务机构（以下简称社会养老机构）发展。",
			"社会养老机构|abbreviation|rest|社会力量举办的养老服务机构|社会力量举办的养老服务机构"},
		// a verb that takes what the bracket names as its object goes, after
		// an adverb too, and 相应的 before its object with it
		{"为更好履行法律赋予某某市人民代表大会及其常务委员会（以下简称市人大及其常委会）的监督职责，作如下决定。",
			"市人大及其常委会|abbreviation|rest|某某市人民代表大会及其常务委员会|某某市人民代表大会及其常务委员会"},
		{"有关部门组织编制某类规划，应当在编制过程中组织环境影响评价，编写相应的环境影响篇章或者说明、环境影响报告书（以下统称环境影响评价文件）。",
			"环境影响评价文件|defined|rest|环境影响篇章或者说明、环境影响报告书|"},
		{"单位和个人应当自觉履行聘用合同（以下简称合同）约定的义务。",
			"合同|abbreviation|rest|聘用合同|聘用合同"},
		{"为了保护某某电路布图设计（以下简称布图设计）专有权，制定本条例。",
			"布图设计|abbreviation|rest|某某电路布图设计|某某电路布图设计"},
		{"为了防治和减轻某某工程建设项目（以下简称某某工程）对环境的损害，制定本条例。",
			"某某工程|abbreviation|rest|某某工程建设项目|某某工程建设项目"},
		{"政府的全部收入应当上缴国家金库（以下简称国库）。",
			"国库|abbreviation|rest|国家金库|国家金库"},
		// …but not before a head noun it makes a name with (领导人员)
		{"对领导人员和其他直接责任人员（以下统称有关责任人员）依法给予处分。",
			"有关责任人员|defined|rest|领导人员和其他直接责任人员|"},
		// a list after 由 is parties by the heads after its last 的 (the 、
		// before it join what qualifies them); the term printed whole in the
		// clause before (经营者定价) is no source of its characters, and a
		// comma after the bracket lets the list be the doers too
		{"市和区县（自治县）科协由同级自然科学、技术科学、工程技术及相关学科的学会、协会、研究会（以下简称学会）和科学技术工作者组成。",
			"学会|abbreviation|rest|同级自然科学、技术科学、工程技术及相关学科的学会、协会、研究会|同级自然科学、技术科学、工程技术及相关学科的学会、协会、研究会"},
		{"经营者定价由从事商品生产、销售或者提供有偿服务的企业、事业单位和个体工商户（以下统称经营者）自主制定。",
			"经营者|defined|rest|从事商品生产、销售或者提供有偿服务的企业、事业单位和个体工商户|"},
		{"经营者定价由从事某类经营的企业、事业单位和个体工商户（以下简称经营者），对某类价格自主制定。",
			"经营者|defined|rest|从事某类经营的企业、事业单位和个体工商户|"},
		{"县级以上人民政府应当向承包方颁发某某承包经营权证或者某某证（以下统称某某承包经营权证）等证书。",
			"某某承包经营权证|defined|rest|某某承包经营权证或者某某证|"},
		{"某某废弃物的主管部门是某某局及其派出机构（简称“主管部门”，下同）。",
			"主管部门|defined|rest|某某局及其派出机构|"},
		// a bracket inside the name of a body: the 的 before it qualifies the body
		{"某某署是国家的进出某某（以下简称进出）监督管理机关。",
			"进出|abbreviation|rest|进出某某|进出某某"},
		{"某某署是国家的进出某某（以下简称进出）监督管理的机关。",
			"进出|abbreviation|rest|国家的进出某某|国家的进出某某"},
		// a basis preposition before a law stays with the clause that
		// qualifies the name, not before a list of laws
		{"依照《某某企业法》批准在本市设立的某某企业（以下简称合营企业）是法人。",
			"合营企业|defined|rest|依照《某某企业法》批准在本市设立的某某企业|"},
		{"某某部门应当按照本市举办的高等学校（以下简称高校）的标准拨款。",
			"高校|abbreviation|rest|本市举办的高等学校|本市举办的高等学校"},
		// each member of a list has its own bracket, a word they share after it
		{"本条例适用于某某道路旅客运输（以下简称客运）经营、道路货物运输（以下简称货运）经营。",
			"客运|abbreviation|rest|某某道路旅客运输|某某道路旅客运输\n货运|abbreviation|rest|道路货物运输|道路货物运输"},
		{"在某某境内（以下简称境内）销售货物、服务、不动产（以下称应税交易），应当纳税。",
			"境内|abbreviation|rest|某某境内|某某境内\n应税交易|defined|rest|销售货物、服务、不动产|"},
		// a party and 在: the place where it acts is named
		{"邮寄的物品由某某检疫机关在某某邮件互换局（以下简称邮局）实施检疫。",
			"邮局|abbreviation|rest|某某邮件互换局|某某邮件互换局"},
		{"当事人在行为发生地以外的地方（以下简称处理地）处理记录。",
			"处理地|defined|rest|行为发生地以外的地方|"},
		{"某某部门在本市设立的某某工作机构（以下简称工作机构）负责协调。",
			"工作机构|abbreviation|rest|某某部门在本市设立的某某工作机构|某某部门在本市设立的某某工作机构"},
		// the object of 监督 or 管理 where a 的 follows the bracket, and of
		// the verb after 参与
		{"监督某某设施专项维修资金（以下简称维修资金）的管理和使用；",
			"维修资金|abbreviation|rest|某某设施专项维修资金|某某设施专项维修资金"},
		{"应当设立管理服务中心（以下简称中心）。",
			"中心|abbreviation|rest|管理服务中心|管理服务中心"},
		{"参与共同决定某某部位、某某设备专项维修资金（以下简称专项资金）的使用；",
			"专项资金|abbreviation|rest|某某部位、某某设备专项维修资金|某某部位、某某设备专项维修资金"},
		// 监督 and 管理 start a compound noun (管理信息系统), not a predicate
		{"应当建立管理信息系统（以下简称信息系统）。",
			"信息系统|abbreviation|rest|管理信息系统|管理信息系统"},
		{"市人民政府设立监督管理委员会（以下简称委员会）。",
			"委员会|abbreviation|rest|监督管理委员会|监督管理委员会"},
		// a modal right after a choosing verb qualifies its object
		{"由国家某某部门制定、调整必须实施检验的某类商品目录（以下简称目录）并公布实施。",
			"目录|abbreviation|rest|必须实施检验的某类商品目录|必须实施检验的某类商品目录"},
		// a verb that takes a doer before the verb whose object is named
		// goes with its doer; not where it qualifies the head (above)
		{"主管部门应当组织有关单位按照规划分别编制设置标牌的年度实施计划（以下简称实施计划）。",
			"实施计划|abbreviation|rest|设置标牌的年度实施计划|设置标牌的年度实施计划"},
		{"主管部门应当组织编制本区域的道路养护总体方案（以下简称养护方案）。",
			"养护方案|abbreviation|rest|本区域的道路养护总体方案|本区域的道路养护总体方案"},
		{"有关单位应当设立工作组，负责与某某协调小组办公室（以下简称协调办）进行联系。",
			"协调办|abbreviation|rest|某某协调小组办公室|某某协调小组办公室"},
		// 负责 in the middle of a clause is its predicate, unless it
		// qualifies the head noun that ends the clause
		{"各级人民政府依法负责本区域内发生的某类纠纷的调解和处理（以下简称调处）。",
			"调处|abbreviation|rest|本区域内发生的某类纠纷的调解和处理|本区域内发生的某类纠纷的调解和处理"},
		{"主管部门负责组织编制总体规划中的道路规划（以下简称道路规划）。",
			"道路规划|abbreviation|rest|总体规划中的道路规划|总体规划中的道路规划"},
		{"县级以上人民政府负责某类工作的行政部门（以下简称某类部门）依法履行职责。",
			"某类部门|abbreviation|rest|县级以上人民政府负责某类工作的行政部门|县级以上人民政府负责某类工作的行政部门"},
		{"上级机关负责某类工作的部门命名为某某称号（以下简称称号）。",
			"称号|abbreviation|rest|上级机关负责某类工作的部门命名为某某称号|上级机关负责某类工作的部门命名为某某称号"},
		// …but not one of its own 的, nor inside a name
		{"通过公开募集方式设立的基金（以下简称公开募集基金）。",
			"公开募集基金|abbreviation|rest|通过公开募集方式设立的基金|通过公开募集方式设立的基金"},
		{"定点机构应当签订医疗保障服务协议（以下简称服务协议）。",
			"服务协议|abbreviation|rest|医疗保障服务协议|医疗保障服务协议"},
		// a verb inside the phrase stays: before 的, before a head noun, in 规范性
		{"本市行政区域内从事驾驶培训业务的机构（以下简称培训机构）。",
			"培训机构|abbreviation|rest|本市行政区域内从事驾驶培训业务的机构|本市行政区域内从事驾驶培训业务的机构"},
		{"签订合同的外国企业（以下简称外国合作者）。",
			"外国合作者|defined|rest|签订合同的外国企业|"},
		{"鼓励举办单位、参展单位（以下统称主体）。",
			"主体|defined|rest|举办单位、参展单位|"},
		{"起草地方性法规、规范性文件（以下统称文件）。",
			"文件|defined|rest|起草地方性法规、规范性文件|"},
		{"不是常务委员会组成人员的专门委员会委员（以下简称委员）。",
			"委员|abbreviation|rest|不是常务委员会组成人员的专门委员会委员|不是常务委员会组成人员的专门委员会委员"},
		// two lead words in a row both go (并由, 为了对), and 以 before a
		// name with no 的 of its own is a preposition (以某某机构为核心)
		{"某项工作以某某市人民政府划定的范围为准，并由某某市人民政府（以下简称市人民政府）依法公示。",
			"市人民政府|abbreviation|rest|某某市人民政府|某某市人民政府"},
		{"为了对在城市生活无着的流浪、乞讨人员（以下简称流浪乞讨人员）实行救助，制定本办法。",
			"流浪乞讨人员|abbreviation|rest|在城市生活无着的流浪、乞讨人员|在城市生活无着的流浪、乞讨人员"},
		{"本市建立完善以疾病预防控制机构（以下简称疾控机构）为核心的体系。",
			"疾控机构|abbreviation|rest|疾病预防控制机构|疾病预防控制机构"},
		{"以从事营业性演出为职业的个体演员（以下简称个体演员），应当登记。",
			"个体演员|abbreviation|rest|以从事营业性演出为职业的个体演员|以从事营业性演出为职业的个体演员"},
		// a companion that starts the clause, before the clause's own 的,
		// stays: the talk is held with the person, not by them
		{"本规定适用于上级单位在日常工作中，同下级单位负责人就履职情况开展的谈话（以下简称履职谈话）。",
			"履职谈话|abbreviation|rest|同下级单位负责人就履职情况开展的谈话|同下级单位负责人就履职情况开展的谈话"},
		{"本市推进区域合作，与本市相邻的省份（以下简称邻省）可以参照执行。",
			"邻省|abbreviation|rest|与本市相邻的省份|与本市相邻的省份"},
		// a prohibition ends the predicate, and the verb it forbids goes
		{"任何组织和个人不得歧视持有某种证件的居民（以下简称持证居民）。",
			"持证居民|abbreviation|rest|持有某种证件的居民|持有某种证件的居民"},
		{"协会分为甲类协会和不得吸收外地会员的协会（以下简称本地协会）。",
			"本地协会|defined|rest|协会分为甲类协会和不得吸收外地会员的协会|"},
		{"禁止擅自占用公园绿地步道（以下简称步道）。",
			"步道|abbreviation|rest|公园绿地步道|公园绿地步道"},
		{"本市聚焦某某新区滨江片区（以下简称滨江片区）建设。",
			"滨江片区|abbreviation|rest|某某新区滨江片区|某某新区滨江片区"},
		// an agent preposition (经, 须经) goes, unless an approval qualifies the name
		{"议案经市某某委员会主任会议（以下简称主任会议）决定提请审议。",
			"主任会议|abbreviation|rest|市某某委员会主任会议|市某某委员会主任会议"},
		{"议案经常务委员会主任会议（以下简称主任会议）决定提请审议。",
			"主任会议|abbreviation|rest|常务委员会主任会议|常务委员会主任会议"},
		{"检验须经省某某质量主管部门（以下简称省质量部门）批准。",
			"省质量部门|abbreviation|rest|省某某质量主管部门|省某某质量主管部门"},
		{"任何单位或者个人未经某某权利人（以下简称权利人）许可，不得使用。",
			"权利人|abbreviation|rest|某某权利人|某某权利人"},
		// the party of 由, 向 or 经 may be one body with a 的 or a 、 of its
		// own, where the bracket is followed by what the body does…
		{"某项身份由户籍所在地的区、县人民政府某某部门（以下简称某某部门）确认。",
			"某某部门|abbreviation|rest|户籍所在地的区、县人民政府某某部门|户籍所在地的区、县人民政府某某部门"},
		{"某项费用由某部所属的某某监督管理机构（以下称监管机构）征收。",
			"监管机构|abbreviation|rest|某部所属的某某监督管理机构|某部所属的某某监督管理机构"},
		{"企业应当定期向企业党的基层委员会（以下简称党委）报告。",
			"党委|abbreviation|rest|企业党的基层委员会|企业党的基层委员会"},
		// …or several parties listed after 由, each named as a party
		{"住房公积金由国家机关、国有企业及其他城镇企业、事业单位、社会团体（以下统称单位）缴存。",
			"单位|defined|rest|国家机关、国有企业及其他城镇企业、事业单位、社会团体|"},
		{"危险废物应当交由有资质从事运输的企业事业单位和其他生产经营者（以下简称运输单位）运输。",
			"运输单位|abbreviation|rest|有资质从事运输的企业事业单位和其他生产经营者|有资质从事运输的企业事业单位和其他生产经营者"},
		// …not a clause that qualifies another head, nor a list of parties
		{"集体所有的山地依法由农民集体使用的林地（以下简称集体林地）实行承包。",
			"集体林地|abbreviation|rest|集体所有的山地依法由农民集体使用的林地|集体所有的山地依法由农民集体使用的林地"},
		{"某项事宜由某某局所属的机构和某某部门（以下简称两部门）确认。",
			"两部门|defined|rest|某项事宜由某某局所属的机构和某某部门|"},
		// 经 that starts a word stays (经开区, 经侦)
		{"经开区管理委员会（以下简称管委会）负责园区建设。",
			"管委会|abbreviation|rest|经开区管理委员会|经开区管理委员会"},
		{"经侦部门（以下简称经侦）负责立案。",
			"经侦|abbreviation|rest|经侦部门|经侦部门"},
		{"经国务院批准设立的某某试验区（以下简称试验区）实行新体制。",
			"试验区|abbreviation|rest|经国务院批准设立的某某试验区|经国务院批准设立的某某试验区"},
		// 由于 is a word: its 由 is no lead word to trim
		{"但是，由于历史原因无法确定义务人的活动损毁的土地（以下称历史损毁土地），由政府负责。",
			"历史损毁土地|abbreviation|rest|由于历史原因无法确定义务人的活动损毁的土地|由于历史原因无法确定义务人的活动损毁的土地"},
		// a leading 凡 goes
		{"凡在本市区域内从事某某经营的企业（以下简称经营企业），应当登记。",
			"经营企业|abbreviation|rest|本市区域内从事某某经营的企业|本市区域内从事某某经营的企业"},
		{"凡在本省区域内制定和实施城镇和乡村（以下简称城乡）规划，应当遵守本条例。",
			"城乡|abbreviation|rest|城镇和乡村|城镇和乡村"},
		// verbs that take what is named as their object
		{"本市的企业承包外省建设工程项目（以下简称外省项目），应当备案。",
			"外省项目|abbreviation|rest|外省建设工程项目|外省建设工程项目"},
		{"案件移送某某监察委员会（以下简称监察委），由其处理。",
			"监察委|abbreviation|rest|某某监察委员会|某某监察委员会"},
		{"区市场监管部门制作并发放摊贩登记信息卡（以下简称登记卡）。",
			"登记卡|abbreviation|rest|摊贩登记信息卡|摊贩登记信息卡"},
		{"经营者备案后，方可发放多用途商业预付卡（以下简称预付卡）。",
			"预付卡|abbreviation|rest|多用途商业预付卡|多用途商业预付卡"},
		// a basis that is no law's name (按照有关规定, 依照某法和本办法的规定)
		// comes before the predicate: it goes, and so does the verb after it
		{"建设单位应当按照有关规定同步建设监控某某道路运行状况的信息管理设施（以下简称道路信息设施）。",
			"道路信息设施|abbreviation|rest|监控某某道路运行状况的信息管理设施|监控某某道路运行状况的信息管理设施"},
		{"对实行检验的项目，应当按照规定提交某某派驻的某某代表（以下简称代表）检验。",
			"代表|abbreviation|rest|某某派驻的某某代表|某某派驻的某某代表"},
		{"双方应当依照某某法和本办法的规定到某级机构或者某某部门指定的某某机构（以下统称检查单位）进行检查。",
			"检查单位|defined|rest|某级机构或者某某部门指定的某某机构|"},
		{"使用某类器具的单位，应当按规定向当地某某部门指定的某某机构（以下统称检定机构）申请检定。",
			"检定机构|defined|rest|当地某某部门指定的某某机构|"},
		{"本市按照国家规定实行某类机构和某类药店（以下统称某某机构）定点管理。",
			"某某机构|defined|rest|某类机构和某类药店|"},
		// …but not where it qualifies a name: no known verb and a 的 after
		// it, or a member of a list
		{"本市范围内按照规定参加某种保险的机关、企业（以下统称缴费单位），应当缴费。",
			"缴费单位|defined|rest|本市范围内按照规定参加某种保险的机关、企业|"},
		{"某某组织投资建设或者依照某某法的规定受让某某收费权的公路（以下简称经营性公路），应当公示。",
			"经营性公路|defined|rest|某某组织投资建设或者依照某某法的规定受让某某收费权的公路|"},
		// verbs that take what is named as their object: installing,
		// inspecting, choosing (在 stays before the clause that qualifies it)
		{"下列场所，应当安装某某灾害防护装置（以下简称防护装置）：",
			"防护装置|abbreviation|rest|某某灾害防护装置|某某灾害防护装置"},
		{"某市某某局在检查某某有限责任公司（以下简称某某公司）过程中，发现问题。",
			"某某公司|abbreviation|rest|某某有限责任公司|某某有限责任公司"},
		{"组团社应当选择在目的地国家依法设立并具有良好信誉的旅行社（以下简称接待社），并订立合同。",
			"接待社|defined|rest|在目的地国家依法设立并具有良好信誉的旅行社|"},
		// a verb before 在 and the clause that qualifies a name takes that
		// name, 在 and all, as its object
		{"人民法院办理接收在某地服刑的某类居民（以下简称被判刑人）回原地服刑案件，应当依法办理。",
			"被判刑人|defined|rest|在某地服刑的某类居民|"},
		// a verb that is a member of a list of nouns takes no object
		{"设备出厂时，应当随附某某文件、安装及使用说明、某某证明等资料（以下统称随附资料）。",
			"随附资料|defined|rest|随附某某文件、安装及使用说明、某某证明等资料|"},
		// 从事 goes where no 的 follows it, and so does an area without 在
		// before it; after a pivot verb it qualifies the doer
		{"本条例适用于本市行政区域内从事道路某某运输（以下简称某运）经营。",
			"某运|abbreviation|rest|道路某某运输|道路某某运输"},
		{"组织从事某某服务的机构指导某某人口中的某某夫妻（以下称夫妻）选择措施。",
			"夫妻|abbreviation|rest|某某人口中的某某夫妻|某某人口中的某某夫妻"},
		// 就 after a party or a time governs what is named
		{"本法所称相关市场，是指经营者在一定时期内就特定商品或者服务（以下统称商品）进行竞争的范围。",
			"商品|defined|rest|特定商品或者服务|"},
		// 监督 and 管理 go before a list or a name that opens with a place
		{"为了管理某国公司、企业和其他经济组织（以下简称某国企业）常驻本市的机构，制定本规定。",
			"某国企业|abbreviation|rest|某国公司、企业和其他经济组织|某国公司、企业和其他经济组织"},
		{"某某部门负责指导，监督某某市某某登记中心（以下简称登记机构）依法履行职责。",
			"登记机构|defined|rest|某某市某某登记中心|"},
		// a tail that lost characters of the short form is not the phrase
		{"本市建立城市管理平台（以下简称本市平台）。",
			"本市平台|abbreviation|rest|本市建立城市管理平台|本市建立城市管理平台"},
	}
	for _, tt := range tests {
		var got []string
		for _, f := range findAbbreviations(tt.in) {
			got = append(got, describeFound(tt.in, f))
		}
		if g := strings.Join(got, "\n"); g != tt.want {
			t.Errorf("findAbbreviations(%q):\ngot  %q\nwant %q", tt.in, g, tt.want)
		}
	}
}

// TestTrimLead: a leading preposition or conjunction is trimmed, unless
// its character starts a word with what follows.
func TestTrimLead(t *testing.T) {
	for in, want := range map[string]string{
		"对外开放山峰":           "对外开放山峰",
		"同级人民政府财政部门":       "同级人民政府财政部门",
		"及时报告的单位":          "及时报告的单位",
		"对本市行政区域内的单位":      "本市行政区域内的单位",
		"由县级人民政府":          "县级人民政府",
		"和其他组织":            "其他组织",
		"并由某某市人民政府":        "某某市人民政府",
		"为了对在城市生活的人员":      "在城市生活的人员",
		"以疾病预防控制机构":        "疾病预防控制机构",
		"以下各项":             "以下各项",
		"以承包的方式订立的合同":      "以承包的方式订立的合同",
		"并在经纪组织中从事经纪活动的人员": "在经纪组织中从事经纪活动的人员",
		"将依照法定程序发布的规章":     "依照法定程序发布的规章",
		"对与进出口货物有关的资料":     "与进出口货物有关的资料",
		"并由外国投资者投资的企业":     "由外国投资者投资的企业",
		"凡是使用某某服务的单位":      "使用某某服务的单位",
		"经市某某委员会主任会议":      "市某某委员会主任会议",
		"须经省某某部门":          "省某某部门",
		"经开区管理委员会":         "经开区管理委员会",
		"经侦部门":             "经侦部门",
		"经常务委员会主任会议":       "常务委员会主任会议",
		"经常性项目":            "经常性项目",
		"经营者":              "经营者",
		"经国务院批准设立的某某区":     "经国务院批准设立的某某区",
		"经某某部门批准的检验机构":     "经某某部门批准的检验机构",
	} {
		if got := trimLead(in); got != want {
			t.Errorf("trimLead(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestListsParties: a list after 由 names parties when each head after
// its last 的 is a party (partyNouns), never a thing (费, 设施, 性).
func TestListsParties(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"国家机关、国有企业及其他城镇企业、事业单位、社会团体", true},
		{"同级自然科学、技术科学、工程技术及相关学科的学会、协会、研究会", true},
		{"从事商品生产、销售或者提供有偿服务的企业、事业单位和个体工商户", true},
		{"A和B共同出资设立的公司", false},
		{"某某管理费、某某服务费", false},
		{"某某设施和某某配套设施", false},
		{"某某规范性、某某指导性", false},
		{"某某部门", false},
	}
	for _, tt := range tests {
		if got := listsParties(tt.in); got != tt.want {
			t.Errorf("listsParties(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

// TestTrimObjectVerb: the verbs that start a phrase go, a governing verb
// with the verb it governs or another it is joined to, unless a head noun
// follows it.
func TestTrimObjectVerb(t *testing.T) {
	tests := []struct{ in, want string }{
		{"鼓励建立为某类人员提供服务的专业组织", "为某类人员提供服务的专业组织"},
		{"鼓励和支持社会力量举办的机构", "社会力量举办的机构"},
		{"鼓励、支持社会力量举办的机构", "社会力量举办的机构"},
		{"领导人员和其他直接责任人员", "领导人员和其他直接责任人员"},
		{"鼓励举办单位、参展单位", "举办单位、参展单位"},
		{"鼓励的产业项目", "鼓励的产业项目"},
		{"编写相应的影响篇章或者说明", "影响篇章或者说明"},
		{"编写报告的单位", "编写报告的单位"},
		{"保护某某设计", "某某设计"},
		{"保护的对象", "保护的对象"},
		{"贯彻实施劳动和社会保障", "劳动和社会保障"},
		{"强化和落实某某设施运营者", "某某设施运营者"},
		{"防治和减轻某某工程建设项目", "某某工程建设项目"},
		{"自觉履行聘用合同", "自觉履行聘用合同"},
	}
	for _, tt := range tests {
		if got := trimObjectVerb(tt.in); got != tt.want {
			t.Errorf("trimObjectVerb(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestPlaceAfterParty: 在 after a party opens the place it acts in, not a
// time.
func TestPlaceAfterParty(t *testing.T) {
	tests := []struct {
		clause string
		want   bool
	}{
		{"某某机关在某某互换局", true},
		{"当事人在行为发生地以外的地方", true},
		{"经营者在一定时期内就特定商品", false},
		{"某某部门在本市设立的某某机构", false},
		{"实在某某局", false},
		{"某某机关在某某处", true},
		{"投资者在其他省、自治区和直辖市", true},
		{"举办单位在某某三角洲", true},
		{"经营者在本市从事零售业务", false},
		{"用人单位在本市招用外国人", false},
	}
	for _, tt := range tests {
		i := strings.Index(tt.clause, "在")
		if got := placeAfterParty(tt.clause, i) > i; got != tt.want {
			t.Errorf("placeAfterParty(%q) = %v, want %v", tt.clause, got, tt.want)
		}
	}
}

// TestOpensBasis: a basis preposition before a law stays with the clause
// that qualifies a name, not before a list of laws, a bare 规定, or
// where no 的 follows.
func TestOpensBasis(t *testing.T) {
	tests := []struct {
		w, rest string
		want    bool
	}{
		{"依照", "《某某法》批准设立的企业", true},
		{"依照", "法律规定实行某种管理的单位", true},
		{"按照", "某某条约提出的申请", true},
		{"依照", "本条例规定以及某某部门公布的规范", false},
		{"依照", "某某法和本办法的规定到指定的机构", false},
		{"按照", "有关规定同步建设的设施", false},
		{"按照", "本市举办的高等学校", false},
		{"依照", "《某某法》批准设立企业", false},
		{"在", "《某某法》批准设立的企业", false},
	}
	for _, tt := range tests {
		if got := opensBasis(tt.w, tt.rest); got != tt.want {
			t.Errorf("opensBasis(%q, %q) = %v, want %v", tt.w, tt.rest, got, tt.want)
		}
	}
}

// TestWordDe: a 的 of a word (目的, 的确) is no particle.
func TestWordDe(t *testing.T) {
	tests := []struct {
		s    string
		want int
	}{
		{"在目的地国家设立的旅行社", strings.Index("在目的地国家设立的旅行社", "设立") + len("设立")},
		{"的确需要的资料", strings.Index("的确需要的资料", "需要") + len("需要")},
		{"某某单位的人员", strings.Index("某某单位的人员", "的")},
		{"目的地国家", -1},
	}
	for _, tt := range tests {
		if got := topLevelIndexAny(tt.s, "的"); got != tt.want {
			t.Errorf("topLevelIndexAny(%q, 的) = %d, want %d", tt.s, got, tt.want)
		}
	}
}

// TestPlaceName: a name opens with a place where a mark of a province,
// city or county follows a few characters; not 市场, 市民.
func TestPlaceName(t *testing.T) {
	for s, want := range map[string]bool{
		"某某市某某登记中心": true,
		"某省某某局":     true,
		"本市某某中心":    true,
		"市场秩序":      false,
		"某某市民服务":    false,
		"信息系统":      false,
		"管理委员会":     false,
	} {
		if got := placeName(s); got != want {
			t.Errorf("placeName(%q) = %v, want %v", s, got, want)
		}
	}
}
