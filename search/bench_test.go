package search

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"

	"tiaoli/generator"
	"tiaoli/generator/model"
	"tiaoli/internal/cputime"
	"tiaoli/internal/testdir"
)

// The corpus benchmarks read ../shared/corpus/lawrefbook-laws (relative
// to the repository root) through generator.Parse and index it on tmpfs:
//
//	go test -run='^$' -bench=Corpus -benchtime=1x ./search/
//
// BenchmarkCorpusIndex: docs/s, seconds (wall and CPU), index size.
// BenchmarkCorpusServe: query p50/p99 with highlighting and the memory of
// a process that serves the index. BenchmarkCorpusRebuild: the CPU and
// wall of a build that starts from the index before it, when nothing
// changed and after one line's edit. They skip when the corpus is absent.
// Each iteration does a fixed amount of work, so -benchtime=1x gives
// every figure. TIAOLI_BENCH_CONTENT names another content folder to
// read instead (a subset of the corpus, for a quicker loop).

// corpusQueries is the query mix of the query and memory benchmarks:
// common and rare words, phrases, single characters, exclusions, OR and
// filters.
var corpusQueries = []string{
	"合同 违约", "劳动合同 解除", "行政处罚", "未成年人 保护", "个人信息 处理", "党", "3个月 整改",
	"国务院 规定", "侵权责任", "土地 征收 补偿", "知识产权", "环境保护 罚款", `"依法追究刑事责任"`,
	"婚姻 离婚 -财产", "kind:regulation 税收", "食品安全 OR 药品安全", "公司 股东 出资", "数据安全",
	"消费者 权益", "第五条", "法", "人民法院 审理 期限", "安全生产 事故 调查", "ＡＥＯ",
}

// corpusQuestions are what readers type that the words as typed do not
// find together: questions, words run together, traditional characters,
// their own words, titles with articles. Most take the relaxed reading.
var corpusQuestions = []string{
	"单位不给交社保怎么办？", "上下班路上出车祸算工伤吗", "试用期最长可以约定多久？", "年假一年有几天",
	"公司拖欠工资不发怎么办", "离婚后孩子的抚养费怎么算", "邻居家空调外机噪音太大可以起诉吗", "网购买到假货能退一赔三吗",
	"借钱不还可以起诉吗，诉讼时效是多久", "交通事故对方全责但不赔钱怎么办", "劳动法第三十六条", "劳动合同法 36条",
	"勞動合同解除", "年休假天数", "辞退赔偿", "未成年人打工合法吗",
	"房东不退押金怎么办", "被狗咬伤了狗主人要承担什么责任", "个人信息被泄露怎么维权", "食品过期商家要赔偿吗",
}

// queryRounds is how often the query benchmark runs the mix per iteration.
const queryRounds = 20

func corpusPath(tb testing.TB) string {
	if dir := os.Getenv(benchContentEnv); dir != "" {
		return dir
	}
	return filepath.Join(testdir.Corpus(tb), "lawrefbook-laws")
}

// benchContentEnv names a content folder the corpus benchmarks read
// instead of the corpus.
const benchContentEnv = "TIAOLI_BENCH_CONTENT"

// benchDir is a fresh folder on tmpfs when there is one, or in the
// folder benchDirEnv names.
func benchDir(b *testing.B) string {
	root := os.Getenv(benchDirEnv)
	if st, err := os.Stat("/dev/shm"); err == nil && st.IsDir() && root == "" {
		root = "/dev/shm"
	}
	dir, err := os.MkdirTemp(root, "tiaoli-search-bench-")
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { os.RemoveAll(dir) })
	return dir
}

// benchDirEnv names a folder the corpus benchmarks write in instead of
// tmpfs (when that has no room).
const benchDirEnv = "TIAOLI_BENCH_DIR"

var (
	corpusOnce  sync.Once
	corpusModel *model.Corpus
)

// lawCorpus parses the corpus once per test binary.
func lawCorpus(b *testing.B) *model.Corpus {
	dir := corpusPath(b)
	if _, err := os.Stat(dir); err != nil {
		b.Skipf("corpus not found at %s: skipping", dir)
	}
	corpusOnce.Do(func() { corpusModel = generator.Parse(os.DirFS(dir)) })
	if len(corpusModel.Documents) == 0 {
		b.Skip("the corpus parses into no documents yet")
	}
	return corpusModel
}

func countDocs(c *model.Corpus) int {
	n := 0
	eachDoc(c, func(*searchDoc) error { n++; return nil })
	return n
}

// BenchmarkCorpusIndex builds the corpus index: docs/s, seconds, size,
// and the postings of the index (a document under a term of a field):
// of the text field, and of all fields. Most of the CPU of building the
// index goes with the postings, and most postings are the text's.
func BenchmarkCorpusIndex(b *testing.B) {
	c := lawCorpus(b)
	n := countDocs(c)
	b.ResetTimer()
	var size int64
	var dir string
	start, cpu0 := time.Now(), cputime.Used()
	for i := 0; i < b.N; i++ {
		dir = filepath.Join(benchDir(b), IndexDir)
		if err := BuildIndex(c, dir); err != nil {
			b.Fatal(err)
		}
		size = dirSize(dir)
	}
	secs := time.Since(start).Seconds() / float64(b.N)
	cpu := (cputime.Used() - cpu0).Seconds() / float64(b.N)
	b.StopTimer()
	postings, err := postingsByField(dir)
	if err != nil {
		b.Fatal(err)
	}
	total := uint64(0)
	for _, p := range postings {
		total += p
	}
	b.ReportMetric(float64(postings[fieldText]), "text-postings")
	b.ReportMetric(float64(total), "postings")
	b.ReportMetric(float64(n)/secs, "docs/s")
	b.ReportMetric(secs, "s/build")
	b.ReportMetric(cpu, "cpu-s/build")
	b.ReportMetric(float64(size)/1e6, "index-MB")
	b.ReportMetric(float64(n), "docs")
	// The peak of the whole process: the parsed corpus is in memory too.
	b.ReportMetric(procStatusMB("VmHWM"), "peak-rss-MB")
}

// postingsByField counts the postings of each field of the index in dir.
func postingsByField(dir string) (map[string]uint64, error) {
	bi, err := bleve.OpenUsing(dir, map[string]interface{}{"read_only": true})
	if err != nil {
		return nil, err
	}
	defer bi.Close()
	r, err := reader(bi)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	fields, err := r.Fields()
	if err != nil {
		return nil, err
	}
	out := map[string]uint64{}
	for _, f := range fields {
		d, err := r.FieldDict(f)
		if err != nil {
			return nil, err
		}
		for {
			e, err := d.Next()
			if err != nil || e == nil {
				d.Close()
				if err != nil {
					return nil, err
				}
				break
			}
			tr, err := r.TermFieldReader(context.Background(), []byte(e.Term), f, false, false, false)
			if err != nil {
				d.Close()
				return nil, err
			}
			out[f] += tr.Count()
			tr.Close()
		}
	}
	return out, nil
}

func dirSize(dir string) int64 {
	var n int64
	filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if info, err := d.Info(); err == nil {
				n += info.Size()
			}
		}
		return nil
	})
	return n
}

var (
	corpusIndexOnce sync.Once
	corpusIndexDir  string
	corpusIndexErr  error
)

// corpusIndex builds the corpus index once per test binary and returns
// its folder.
func corpusIndex(b *testing.B) string {
	c := lawCorpus(b)
	corpusIndexOnce.Do(func() {
		root := "/dev/shm"
		if _, err := os.Stat(root); err != nil {
			root = ""
		}
		dir, err := os.MkdirTemp(root, "tiaoli-search-corpus-")
		if err != nil {
			corpusIndexErr = err
			return
		}
		tempMu.Lock()
		tempDirs = append(tempDirs, dir)
		tempMu.Unlock()
		corpusIndexDir = filepath.Join(dir, IndexDir)
		corpusIndexErr = BuildIndex(c, corpusIndexDir)
	})
	if corpusIndexErr != nil {
		b.Fatal(corpusIndexErr)
	}
	return corpusIndexDir
}

// runMix runs a query mix rounds times and returns each latency.
func runMix(ix *Index, mix []string, rounds int) []time.Duration {
	var out []time.Duration
	for r := 0; r < rounds; r++ {
		for _, q := range mix {
			start := time.Now()
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			_, err := ix.Search(ctx, Request{Query: q, Size: DefaultPageSize})
			cancel()
			if err != nil {
				panic(fmt.Sprintf("%s: %v", q, err))
			}
			out = append(out, time.Since(start))
		}
	}
	return out
}

func percentiles(d []time.Duration) (p50, p99 time.Duration) {
	if len(d) == 0 {
		return 0, 0
	}
	slices.Sort(d)
	return d[len(d)*50/100], d[min(len(d)-1, len(d)*99/100)]
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// serveEnv names the index a child process opens to measure serving
// (see TestServeChild).
const serveEnv = "TIAOLI_SEARCH_SERVE_INDEX"

// BenchmarkCorpusServe measures what serving costs, in a fresh process
// that holds only the open index, as tiaoli serve does: it runs the query
// mix queryRounds times one search at a time (latency with highlighting,
// p50 and p99), then from 4 goroutines at once, and reports its peak
// resident memory (VmHWM) and heap.
func BenchmarkCorpusServe(b *testing.B) {
	dir := corpusIndex(b)
	b.ResetTimer()
	var figs map[string]float64
	for i := 0; i < b.N; i++ {
		cmd := exec.Command(os.Args[0], "-test.run=^TestServeChild$", "-test.v")
		cmd.Env = append(os.Environ(), serveEnv+"="+dir)
		out, err := cmd.CombinedOutput()
		if err != nil {
			b.Fatalf("child: %v\n%s", err, out)
		}
		figs = readChild(b, string(out))
	}
	for _, k := range []string{"p50-ms", "p99-ms", "queries", "question-p50-ms", "question-p99-ms", "serve-peak-rss-MB", "serve-heap-MB", "open-ms"} {
		b.ReportMetric(figs[k], k)
	}
}

// readChild reads the "SERVE name value ..." line of the child.
func readChild(b *testing.B, out string) map[string]float64 {
	for _, line := range strings.Split(out, "\n") {
		f := strings.Fields(line)
		for i, w := range f {
			if w != "SERVE" {
				continue
			}
			figs := map[string]float64{}
			for j := i + 1; j+1 < len(f); j += 2 {
				figs[f[j]], _ = strconv.ParseFloat(f[j+1], 64)
			}
			return figs
		}
	}
	b.Fatalf("child printed no figures:\n%s", out)
	return nil
}

// TestServeChild is the child process of BenchmarkCorpusServe; it does
// nothing in a normal test run.
func TestServeChild(t *testing.T) {
	dir := os.Getenv(serveEnv)
	if dir == "" {
		t.Skip("runs only as the child of BenchmarkCorpusServe")
	}
	start := time.Now()
	ix, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	open := time.Since(start)
	runMix(ix, corpusQueries, 1) // warm the page cache and the dictionaries
	runMix(ix, corpusQuestions, 1)
	lat := runMix(ix, corpusQueries, queryRounds)
	p50, p99 := percentiles(lat)
	qlat := runMix(ix, corpusQuestions, queryRounds)
	q50, q99 := percentiles(qlat)
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() { defer wg.Done(); runMix(ix, corpusQueries, 3); runMix(ix, corpusQuestions, 3) }()
	}
	wg.Wait()
	var mem runtime.MemStats
	runtime.ReadMemStats(&mem)
	t.Logf("SERVE p50-ms %.2f p99-ms %.2f queries %d question-p50-ms %.2f question-p99-ms %.2f serve-peak-rss-MB %.1f serve-heap-MB %.1f open-ms %.0f",
		ms(p50), ms(p99), len(lat), ms(q50), ms(q99), procStatusMB("VmHWM"), float64(mem.HeapSys)/1e6, ms(open))
}

// procStatusMB reads a memory figure of this process from /proc.
func procStatusMB(key string) float64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, key+":") {
			f := strings.Fields(line)
			if len(f) >= 2 {
				kb, _ := strconv.ParseFloat(f[1], 64)
				return kb / 1024
			}
		}
	}
	return 0
}

// BenchmarkSearchFixture is the cost of one search with highlighting on
// the small fixture index.
func BenchmarkSearchFixture(b *testing.B) {
	ix := openFixture(b)
	for i := 0; i < b.N; i++ {
		if _, err := ix.Search(context.Background(), Request{Query: "定期谈话 全覆盖"}); err != nil {
			b.Fatal(err)
		}
	}
}

// liveProfileEnv names a file for the CPU profile of the updates of
// BenchmarkLive.
const liveProfileEnv = "TIAOLI_LIVE_PROFILE"

// Edits of BenchmarkLive: liveFileEdits lines appended to files, each
// parsed again through a generator.Cache as a preview does, then
// liveModelEdits lines added to articles in the parsed corpus.
const (
	liveFileEdits  = 6
	liveModelEdits = 15
)

// BenchmarkLive builds a live index of a copy of the corpus once, then
// times Update after each of liveFileEdits edits (a line appended to a
// file, the content parsed again through a generator.Cache) and of
// liveModelEdits edits of the parsed corpus (a line added to the last
// article of a document), and checks that the added words are found. It
// reports the median and slowest update of each kind (wall and CPU), the
// memory the live index adds to the process once built (resident and
// heap, the parsed corpus and the parse cache left out), and the
// process's resident memory at the end and at its peak (the whole build
// included).
func BenchmarkLive(b *testing.B) {
	src := corpusPath(b)
	if _, err := os.Stat(src); err != nil {
		b.Skipf("corpus not found at %s: skipping", src)
	}
	for i := 0; i < b.N; i++ {
		dir := benchDir(b)
		content := filepath.Join(dir, "content")
		if err := os.CopyFS(content, os.DirFS(src)); err != nil {
			b.Fatal(err)
		}
		cache := generator.NewCache()
		c := cache.Parse(os.DirFS(content))
		runtime.GC()
		debug.FreeOSMemory()
		var m0 runtime.MemStats
		runtime.ReadMemStats(&m0)
		rss0 := procStatusMB("VmRSS")
		live, err := BuildLive(c, filepath.Join(dir, IndexDir), Options{})
		if err != nil {
			b.Fatal(err)
		}
		runtime.GC()
		debug.FreeOSMemory()
		var m1 runtime.MemStats
		runtime.ReadMemStats(&m1)
		b.ReportMetric(procStatusMB("VmRSS")-rss0, "index-rss-MB")
		b.ReportMetric((float64(m1.HeapInuse)-float64(m0.HeapInuse))/1e6, "index-heap-MB")
		stop := startProfile(b, liveProfileEnv)
		var fileWall, fileCPU, wall, cpu []time.Duration
		update := func(c *model.Corpus, word, url string, walls, cpus *[]time.Duration) {
			start, cpu0 := time.Now(), cputime.Used()
			if err := live.Update(c); err != nil {
				b.Fatal(err)
			}
			*walls, *cpus = append(*walls, time.Since(start)), append(*cpus, cputime.Used()-cpu0)
			r, err := live.Index().Search(context.Background(), Request{Query: word})
			if err != nil || len(r.Hits) == 0 || !strings.HasPrefix(r.Hits[0].URL, url) {
				b.Fatalf("%s: the edited document %s is not found: %v %v", word, url, r, err)
			}
		}
		docs := editable(c)
		for k := 0; k < liveFileEdits; k++ {
			d := docs[(k*7919+1)%len(docs)]
			word := "增补审校" + strconv.Itoa(k) + "号"
			f, err := os.OpenFile(filepath.Join(content, d.Sources[0].Path), os.O_APPEND|os.O_WRONLY, 0)
			if err == nil {
				_, err = f.WriteString("\n\n" + word + "。\n")
				f.Close()
			}
			if err != nil {
				b.Fatal(err)
			}
			c = cache.Parse(os.DirFS(content))
			update(c, word, d.URL, &fileWall, &fileCPU)
		}
		docs = editable(c)
		for k := 0; k < liveModelEdits; k++ {
			d := docs[(k*7919)%len(docs)]
			a := d.Articles[len(d.Articles)-1]
			word := "增补条文" + strconv.Itoa(k) + "号"
			a.Clauses[len(a.Clauses)-1].Text += word + "。"
			update(c, word, a.URL, &wall, &cpu)
		}
		stop()
		reportTimes(b, "file-update", fileWall, fileCPU, true)
		reportTimes(b, "update", wall, cpu, true)
		runtime.GC()
		debug.FreeOSMemory()
		var m2 runtime.MemStats
		runtime.ReadMemStats(&m2)
		b.ReportMetric(float64(m2.HeapInuse)/1e6, "heap-MB")
		b.ReportMetric(procStatusMB("VmRSS"), "rss-MB")
		b.ReportMetric(procStatusMB("VmHWM"), "peak-rss-MB")
		if err := live.Close(); err != nil {
			b.Fatal(err)
		}
	}
}

// editable lists the documents of c with articles, read from one file.
func editable(c *model.Corpus) []*model.Document {
	var out []*model.Document
	for _, d := range c.Documents {
		if n := len(d.Articles); n > 0 && len(d.Articles[n-1].Clauses) > 0 && len(d.Sources) == 1 {
			out = append(out, d)
		}
	}
	return out
}

// rebuildProfileEnv names a file for the CPU profile of the updates of
// BenchmarkCorpusRebuild.
const rebuildProfileEnv = "TIAOLI_REBUILD_PROFILE"

// BenchmarkCorpusRebuild builds the corpus index whole once, then times
// what a build that starts from it (Options.Previous) costs when nothing
// changed, and after one article's line was edited: the median CPU and
// wall of each over rebuildRounds rounds. Each rebuild starts from the
// one before, as a build starts from the published site.
func BenchmarkCorpusRebuild(b *testing.B) {
	c := lawCorpus(b)
	docs := editable(c)
	const program = "bench"
	for i := 0; i < b.N; i++ {
		dir := benchDir(b)
		prev := filepath.Join(dir, "0")
		if err := Build(c, prev, Options{Program: program}); err != nil {
			b.Fatal(err)
		}
		stop := startProfile(b, rebuildProfileEnv)
		var noopWall, noopCPU, editWall, editCPU []time.Duration
		rebuild := func(walls, cpus *[]time.Duration) {
			next := filepath.Join(dir, strconv.Itoa(len(noopWall)+len(editWall)+1))
			runtime.GC()
			start, cpu0 := time.Now(), cputime.Used()
			if err := Build(c, next, Options{Program: program, Previous: prev}); err != nil {
				b.Fatal(err)
			}
			*walls, *cpus = append(*walls, time.Since(start)), append(*cpus, cputime.Used()-cpu0)
			os.RemoveAll(prev)
			prev = next
		}
		for k := 0; k < rebuildRounds; k++ {
			rebuild(&noopWall, &noopCPU)
			a := docs[(k*7919)%len(docs)].Articles[0]
			a.Clauses[len(a.Clauses)-1].Text += "增补条文" + strconv.Itoa(k) + "号。"
			rebuild(&editWall, &editCPU)
		}
		stop()
		reportTimes(b, "noop", noopWall, noopCPU, false)
		reportTimes(b, "edit", editWall, editCPU, false)
	}
}

// rebuildRounds is how many rebuilds of each kind BenchmarkCorpusRebuild
// times.
const rebuildRounds = 3

// startProfile starts a CPU profile into the file the environment
// variable env names, if it names one; the function it returns stops it.
func startProfile(b *testing.B, env string) func() {
	p := os.Getenv(env)
	if p == "" {
		return func() {}
	}
	f, err := os.Create(p)
	if err != nil {
		b.Fatal(err)
	}
	pprof.StartCPUProfile(f)
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}
}

// reportTimes logs the wall and CPU times of the runs of one kind and
// reports their medians, what-ms and what-cpu-ms, and with slowest their
// slowest, what-max-ms and what-cpu-max-ms.
func reportTimes(b *testing.B, what string, wall, cpu []time.Duration, slowest bool) {
	b.Logf("%s (wall): %v; (CPU): %v", what, wall, cpu)
	w50, w100 := percentiles(wall)
	c50, c100 := percentiles(cpu)
	b.ReportMetric(ms(w50), what+"-ms")
	b.ReportMetric(ms(c50), what+"-cpu-ms")
	if slowest {
		b.ReportMetric(ms(w100), what+"-max-ms")
		b.ReportMetric(ms(c100), what+"-cpu-max-ms")
	}
}
