package server

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"time"
)

// logWriter records the status and size of a response for the access log.
type logWriter struct {
	http.ResponseWriter
	status int
	bytes  int64
}

func (w *logWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *logWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(b)
	w.bytes += int64(n)
	return n, err
}

// Unwrap lets http.ResponseController reach the connection.
func (w *logWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// accessMu keeps access log lines whole.
var accessMu sync.Mutex

// logAccess writes one line in the combined log format, with the time the
// request took; quoted fields are escaped so that a request cannot forge
// log lines.
func (s *Server) logAccess(w *logWriter, r *http.Request, start time.Time) {
	if s.cfg.AccessLog == nil {
		return
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	status := w.status
	if status == 0 {
		status = http.StatusOK
	}
	line := fmt.Sprintf("%s - - [%s] %q %d %d %q %q %.4f\n", host,
		start.Format("02/Jan/2006:15:04:05 -0700"), r.Method+" "+r.RequestURI+" "+r.Proto,
		status, w.bytes, r.Referer(), r.UserAgent(), time.Since(start).Seconds())
	accessMu.Lock()
	defer accessMu.Unlock()
	s.cfg.AccessLog.Write([]byte(line))
}

// recoverPanic turns a panic in a handler into a 500 and a log line, so
// that one bad request never takes the server down or leaves a client
// hanging.
func (s *Server) recoverPanic(w *logWriter, r *http.Request) {
	v := recover()
	if v == nil {
		return
	}
	if v == http.ErrAbortHandler {
		panic(v)
	}
	s.log.Printf("panic serving %q: %v\n%s", r.URL.String(), v, debug.Stack())
	if w.status == 0 {
		s.fail(w, r, http.StatusInternalServerError, "服务器内部出错")
	}
}

// limiter bounds searches running at once. A search waits for a slot at
// most wait, and at most maxWaiting searches wait; the others are refused
// at once.
type limiter struct {
	slots      chan struct{}
	waiting    atomic.Int64
	maxWaiting int64
	wait       time.Duration
}

func newLimiter(running, maxWaiting int, wait time.Duration) *limiter {
	return &limiter{slots: make(chan struct{}, running), maxWaiting: int64(maxWaiting), wait: wait}
}

// acquire takes a slot, or reports false when none came in time.
func (l *limiter) acquire(ctx context.Context) bool {
	select {
	case l.slots <- struct{}{}:
		return true
	default:
	}
	if l.waiting.Add(1) > l.maxWaiting {
		l.waiting.Add(-1)
		return false
	}
	defer l.waiting.Add(-1)
	t := time.NewTimer(l.wait)
	defer t.Stop()
	select {
	case l.slots <- struct{}{}:
		return true
	case <-t.C:
		return false
	case <-ctx.Done():
		return false
	}
}

func (l *limiter) release() { <-l.slots }
