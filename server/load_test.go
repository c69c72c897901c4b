package server

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"net/url"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// loadQueries are what readers of a law library type: words, phrases,
// filters and later pages.
var loadQueries = []string{
	"合同", "劳动合同 解除", "行政处罚 罚款", "法律责任", "人民法院", "知识产权", "环境保护", "未成年人",
	"个人信息", "食品安全", "税收 征收管理", "海关 查验", "安全生产", "公司 股东", "婚姻", "继承",
	"土地 征收", "著作权", "商标", "专利", "行政许可", "国务院", "人民代表大会", "监督", "治安管理",
	"交通事故", "消费者 权益", "产品质量", "招标 投标", "政府采购", "药品", "医疗", "教育", "网络安全",
	"数据", "反垄断", "证券", "保险", "银行", "外商投资", `"法律责任"`, "kind:regulation 罚款",
	"处罚 -刑事", "刑罚 OR 拘役", "年满十八周岁", "三个月", "十五日内", "第一条", "党", "法",
}

// TestLoadSearch runs searches at 32 concurrent against a built site over
// loopback and reports p50, p99 and requests per second. It needs a site
// built from a whole corpus, named by TIAOLI_LOADTEST_SITE (its base path
// in TIAOLI_LOADTEST_BASE, "/" by default); scripts/loadtest.sh builds one
// and runs it. TIAOLI_LOADTEST_N sets the number of searches (3000).
func TestLoadSearch(t *testing.T) {
	site := os.Getenv("TIAOLI_LOADTEST_SITE")
	if site == "" {
		t.Skip("set TIAOLI_LOADTEST_SITE to a built site (scripts/loadtest.sh builds one)")
	}
	n, concurrency := envInt("TIAOLI_LOADTEST_N", 3000), envInt("TIAOLI_LOADTEST_C", 32)
	base := os.Getenv("TIAOLI_LOADTEST_BASE")
	s, err := New(Config{Site: site, Base: base, Watch: -1, ErrorLog: log.New(os.Stderr, "server: ", 0)})
	if err != nil {
		t.Fatal(err)
	}
	if g := s.gen.Load(); g.index == nil {
		t.Fatalf("%s has no search index", site)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go s.Serve(ctx, ln)
	prefix := "http://" + ln.Addr().String() + s.Base() + "api/search?q="
	res := runLoad(prefix, n, concurrency, 10*time.Minute)
	t.Logf("%d searches at %d concurrent in %.1fs: %.0f requests/s, p50 %.1f ms, p99 %.1f ms, max %.1f ms; %d errors; peak RSS of this process %s",
		res.done, concurrency, res.wall.Seconds(), float64(res.done)/res.wall.Seconds(),
		ms(res.quantile(0.5)), ms(res.quantile(0.99)), ms(res.quantile(1)), res.errors, peakRSS())
	t.Logf("slowest queries: %s", res.slowest(5))
	if res.errors > 0 {
		t.Errorf("%d searches failed, e.g. %s", res.errors, res.firstError)
	}
	if res.done < n {
		t.Errorf("only %d of %d searches ran within the time limit", res.done, n)
	}
}

type loadResult struct {
	done, errors int
	firstError   string
	wall         time.Duration
	latencies    []time.Duration
	byQuery      map[string]time.Duration // the longest answer to each query
}

// slowest lists the n queries with the longest answers.
func (r loadResult) slowest(n int) string {
	qs := make([]string, 0, len(r.byQuery))
	for q := range r.byQuery {
		qs = append(qs, q)
	}
	slices.SortFunc(qs, func(a, b string) int { return cmp.Compare(r.byQuery[b], r.byQuery[a]) })
	out := ""
	for _, q := range qs[:min(n, len(qs))] {
		out += fmt.Sprintf("%s %.0f ms; ", q, ms(r.byQuery[q]))
	}
	return out
}

func (r loadResult) quantile(q float64) time.Duration {
	if len(r.latencies) == 0 {
		return 0
	}
	return r.latencies[min(len(r.latencies)-1, int(q*float64(len(r.latencies))))]
}

// runLoad sends n searches from c clients, each waiting for its answer
// before the next, and stops after limit whatever is left.
func runLoad(prefix string, n, c int, limit time.Duration) loadResult {
	var next atomic.Int64
	var mu sync.Mutex
	res := loadResult{byQuery: map[string]time.Duration{}}
	client := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: c}}
	deadline := time.Now().Add(limit)
	start := time.Now()
	var wg sync.WaitGroup
	for range c {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1)) - 1; i < n && time.Now().Before(deadline); i = int(next.Add(1)) - 1 {
				q := loadQueries[i%len(loadQueries)]
				target := prefix + url.QueryEscape(q) + "&page=" + strconv.Itoa(1+i/len(loadQueries)%3)
				t0 := time.Now()
				err := getOK(client, target)
				d := time.Since(t0)
				mu.Lock()
				res.done++
				res.latencies = append(res.latencies, d)
				res.byQuery[q] = max(res.byQuery[q], d)
				if err != nil {
					if res.errors == 0 {
						res.firstError = fmt.Sprintf("%s: %v", q, err)
					}
					res.errors++
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	res.wall = time.Since(start)
	slices.Sort(res.latencies)
	return res
}

func getOK(c *http.Client, target string) error {
	resp, err := c.Get(target)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if _, err := io.Copy(io.Discard, resp.Body); err != nil {
		return err
	}
	if resp.StatusCode != 200 {
		return fmt.Errorf("status %d", resp.StatusCode)
	}
	return nil
}

func envInt(name string, def int) int {
	if n, err := strconv.Atoi(os.Getenv(name)); err == nil && n > 0 {
		return n
	}
	return def
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// peakRSS reads the process's peak resident memory from /proc.
func peakRSS() string {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return "unknown"
	}
	for _, line := range strings.Split(string(data), "\n") {
		if len(line) > 6 && line[:6] == "VmHWM:" {
			return strings.TrimSpace(line[6:])
		}
	}
	return "unknown"
}
