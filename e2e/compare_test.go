package e2e

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/chromedp/chromedp"

	"tiaoli/generator"
	"tiaoli/generator/site"
)

// compareLaw is one version of a small law in LawRefBook's markup.
func compareLaw(history string, articles ...string) *fstest.MapFile {
	return &fstest.MapFile{Data: []byte("# 中华人民共和国示例统计法\n\n" + history + "\n\n<!-- INFO END -->\n\n## 第一章 总则\n\n" +
		strings.Join(articles, "\n\n") + "\n")}
}

// compareContent holds two versions: the newer rewrites, inserts, splits
// and renumbers articles.
func compareContent() fstest.MapFS {
	return fstest.MapFS{
		"laws/示例统计法(2009-06-27).md": compareLaw("2009年6月27日第十一届全国人民代表大会常务委员会第九次会议修订",
			"第一条 为了科学、有效地组织统计工作，保障统计资料的真实性、准确性、完整性和及时性，制定本法。",
			"第二条 本法适用于各级人民政府、县级以上人民政府统计机构和有关部门组织实施的统计活动。",
			"第三条 国家建立集中统一的统计系统，实行统一领导、分级负责的统计管理体制。统计机构和统计人员依照本法规定独立行使统计调查、统计报告、统计监督的职权，不受侵犯。",
			"第四条 统计机构和统计人员对在统计工作中知悉的国家秘密、商业秘密和个人信息，应当予以保密。",
			"第五条 本法自2010年1月1日起施行。"),
		"laws/示例统计法(2024-09-13).md": compareLaw("2024年9月13日第十四届全国人民代表大会常务委员会第十一次会议修正",
			"第一条 为了科学、有效地组织统计工作，保障统计资料的真实性、准确性、完整性和及时性，加强统计监督，制定本法。",
			"第二条 本法适用于各级人民政府、县级以上人民政府统计机构和有关部门组织实施的统计活动。",
			"第三条 国家构建系统完整、协同高效、约束有力、权威可靠的统计监督体系。",
			"第四条 国家建立集中统一的统计系统，实行统一领导、分级负责的统计管理体制。",
			"第五条 统计机构和统计人员依照本法规定独立行使统计调查、统计报告、统计监督的职权，不受侵犯。",
			"第六条 统计机构和统计人员对在统计工作中知悉的国家秘密、工作秘密、商业秘密、个人隐私和个人信息，应当予以保密，不得泄露或者向他人非法提供。",
			"第七条 本法自公布之日起施行。"),
	}
}

// TestComparePage opens a 修订对照 page at desktop and phone widths: the
// changes are marked, the "changed only" filter hides unchanged rows, the
// phone layout stacks the two texts, and screenshots are saved.
func TestComparePage(t *testing.T) {
	c := generator.Parse(compareContent())
	if len(c.Comparisons) != 1 {
		t.Fatalf("%d comparisons, want 1", len(c.Comparisons))
	}
	dir := t.TempDir()
	renderTo(t, c, site.Options{Base: sitePrefix}, dir)
	ts := httptest.NewServer(http.StripPrefix(sitePrefix, http.FileServer(http.Dir(dir))))
	t.Cleanup(ts.Close)
	url := ts.URL + sitePrefix + c.Comparisons[0].URL
	ctx := newBrowser(t, 60*time.Second)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(url),
		chromedp.WaitVisible(chromedp.CSS(`.cmp-articles`))); err != nil {
		t.Fatal(err)
	}
	if n := siteRun(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll('.cmp-articles ins').length`)); n == 0 {
		t.Error("no insertion marked")
	}
	split := siteRun(t, ctx, chromedp.Text(chromedp.CSS(`.cmp-articles .k-split .cmp-note`)))
	if split != "原第三条 → 第四条、第五条" {
		t.Errorf("split note %q", split)
	}
	visible := `[...document.querySelectorAll('.cmp-articles tbody tr')].filter(r => r.offsetParent !== null).length`
	before := siteRun(t, ctx, chromedp.Evaluate[int](visible))
	siteRun(t, ctx, chromedp.Click(chromedp.CSS(`label[for=only-changed]`)))
	after := siteRun(t, ctx, chromedp.Evaluate[int](visible))
	if after != before-1 {
		t.Errorf("the filter shows %d of %d rows, want all but the one unchanged", after, before)
	}
	comparePhone(t, ctx, url)
	saveCompareShots(t, ctx, url)
}

// comparePhone checks that at 390 px the old and new texts stand one
// above the other, each as wide as the table.
func comparePhone(t *testing.T, ctx context.Context, url string) {
	err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile, chromedp.EmulateScale(2)),
		chromedp.Navigate(url), chromedp.WaitVisible(chromedp.CSS(`.cmp-articles`)))
	if err != nil {
		t.Fatal(err)
	}
	stacked := siteRun(t, ctx, chromedp.Evaluate[bool](`(() => {
		const r = document.querySelector('.cmp-articles tr.k-modified');
		const o = r.querySelector('td.old').getBoundingClientRect(), n = r.querySelector('td.new').getBoundingClientRect();
		return n.top >= o.bottom - 1 && document.documentElement.scrollWidth <= window.innerWidth;
	})()`))
	if !stacked {
		t.Error("at 390 px the texts are not stacked, or the page scrolls sideways")
	}
}

// saveCompareShots saves full-page screenshots of the comparison at 1280
// and 390 px.
func saveCompareShots(t *testing.T, ctx context.Context, url string) {
	dir := os.Getenv("TIAOLI_SCREENSHOTS")
	if dir == "" {
		dir = "screenshots"
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, v := range []struct {
		name          string
		width, height int64
		mobile        bool
	}{{"compare-desktop", 1280, 900, false}, {"compare-phone", 390, 844, true}} {
		view := chromedp.EmulateViewport(v.width, v.height)
		if v.mobile {
			view = chromedp.EmulateViewport(v.width, v.height, chromedp.EmulateMobile, chromedp.EmulateScale(2))
		}
		if err := chromedp.Do(ctx, view, chromedp.Navigate(url), chromedp.WaitVisible(chromedp.CSS(`main`))); err != nil {
			t.Fatal(err)
		}
		png := siteRun(t, ctx, chromedp.FullScreenshot(100))
		if err := os.WriteFile(filepath.Join(dir, v.name+".png"), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("screenshots in %s", dir)
}
