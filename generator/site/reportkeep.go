package site

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"sync"

	"tiaoli/generator/audit"
	"tiaoli/generator/model"
	"tiaoli/internal/bincode"
)

// The editor's report (report/) shows the whole corpus, and is made again
// by every build, but for what it can take from the published one: what
// the audit found in each document whose pages the build keeps (same
// Global digest, same document digest), from AuditFile, and the page
// itself when what it shows sums up as before (State.Pages at its URL).

// AuditFile is where a build leaves what the audit found in each
// document (audit.Kept by document ID) for the next build's report.
const AuditFile = ".tiaoli/audit.json"

// reportKept is what rendering the report leaves for the next build.
type reportKept struct {
	mu    sync.Mutex
	audit map[string]audit.Kept
	sum   string // of the report page
}

// auditKept gives, for each document whose pages this build keeps from
// the published one, what the audit found in it then; nil when it keeps
// none or the published build left no AuditFile. The terms the audit
// looks at are those a document's definitions link, which it defines
// itself: its digest covers them (termsShown).
func (r *renderer) auditKept() func(*model.Document) (audit.Kept, bool) {
	prev := r.opts.Previous
	if r.state == nil || prev == nil || prev.site == "" || r.state.Global == "" || prev.Global != r.state.Global {
		return nil
	}
	data, err := os.ReadFile(filepath.Join(prev.site, filepath.FromSlash(AuditFile)))
	if err != nil {
		return nil
	}
	var kept map[string]audit.Kept
	if json.Unmarshal(data, &kept) != nil {
		return nil
	}
	return func(d *model.Document) (audit.Kept, bool) {
		k, ok := kept[d.ID]
		return k, ok && r.state.keeps(prev, d)
	}
}

// keepReport remembers, for the next build, what the audit found in each
// document (docs) and the sum of the report page at url showing pg, and
// reports whether the published page showed the same.
func (r *renderer) keepReport(url string, pg reportPage, docs map[string]audit.Kept) bool {
	if r.state == nil || r.state.Global == "" {
		return false
	}
	// The page's values as bytes (package bincode): as JSON, with every
	// string escaped, its sum took 0.2 CPU-s of a rebuild of the
	// LawRefBook corpus. They go to the digest as they are written: whole,
	// they are over 100 MB there.
	h := sha256.New()
	if bincode.Write(h, &pg) != nil {
		return false
	}
	sum := hex.EncodeToString(h.Sum(nil))
	r.reported.mu.Lock()
	r.reported.audit, r.reported.sum = docs, sum
	r.reported.mu.Unlock()
	prev := r.opts.Previous
	return prev != nil && prev.Global == r.state.Global && prev.Pages[url] == sum
}

// writeReportKept puts what rendering the report left into the State and
// writes AuditFile.
func (r *renderer) writeReportKept(w Writer, url string) error {
	r.reported.mu.Lock()
	defer r.reported.mu.Unlock()
	if r.reported.sum == "" {
		return nil
	}
	r.state.Pages[url] = r.reported.sum
	data, err := json.Marshal(r.reported.audit)
	if err != nil {
		return err
	}
	return w.WriteFile(AuditFile, data)
}
