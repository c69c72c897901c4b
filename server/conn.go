package server

import (
	"bytes"
	"fmt"
	"maps"
	"net"
	"slices"
	"strings"
	"sync"
)

// net/http answers some requests itself, before any handler sees them:
// 431 for headers over MaxHeaderBytes, 400 for a malformed request, 501
// and 505. It writes each such answer to the connection in one piece,
// with these headers, and closes the connection after it. errorListener
// gives those answers the security headers every other response has, and
// a JSON body on the search API.

// goErrorHeaders ends the head of net/http's own error answers.
const goErrorHeaders = "\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n\r\n"

// maxGoError bounds the size of a write taken for such an answer.
const maxGoError = 1 << 10

// errorListener wraps the connections it accepts in errorConns.
type errorListener struct {
	net.Listener
	s *Server
}

func (l errorListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	return &errorConn{Conn: c, s: l.s, fresh: true}, nil
}

// errorConn rewrites net/http's own error answers (see above). It keeps
// the start of the request being read, to know whether it was for the API.
type errorConn struct {
	net.Conn
	s *Server

	mu    sync.Mutex
	fresh bool   // the next read starts a request
	start []byte // the first bytes of the request being read
}

func (c *errorConn) Read(b []byte) (int, error) {
	n, err := c.Conn.Read(b)
	c.mu.Lock()
	if c.fresh && n > 0 {
		c.start = append(c.start[:0], b[:min(n, 512)]...)
		c.fresh = false
	}
	c.mu.Unlock()
	return n, err
}

func (c *errorConn) Write(b []byte) (int, error) {
	c.mu.Lock()
	c.fresh = true
	start := c.start
	c.mu.Unlock()
	if out, ok := c.s.rewriteGoError(b, start); ok {
		if _, err := c.Conn.Write(out); err != nil {
			return 0, err
		}
		return len(b), nil
	}
	return c.Conn.Write(b)
}

// rewriteGoError rewrites b when it is one of net/http's own error
// answers: the same status, the security headers, and for the API a JSON
// body.
func (s *Server) rewriteGoError(b, request []byte) ([]byte, bool) {
	if len(b) > maxGoError || !bytes.HasPrefix(b, []byte("HTTP/1.1 ")) {
		return nil, false
	}
	head, body, ok := bytes.Cut(b, []byte(goErrorHeaders))
	if !ok || bytes.Contains(head, []byte("\r\n")) {
		return nil, false // not a status line alone: a response of the handler
	}
	status := string(head[len("HTTP/1.1 "):])
	var code int
	fmt.Sscanf(status, "%d", &code)
	ctype := "text/plain; charset=utf-8"
	if s.isAPI(requestPath(request)) {
		ctype = "application/json; charset=utf-8"
		body = jsonError(code, string(body))
	}
	var out bytes.Buffer
	fmt.Fprintf(&out, "HTTP/1.1 %s\r\nContent-Type: %s\r\n", status, ctype)
	for _, k := range sortedKeys(securityHeaders) {
		fmt.Fprintf(&out, "%s: %s\r\n", k, securityHeaders[k])
	}
	fmt.Fprintf(&out, "Cache-Control: no-store\r\nContent-Length: %d\r\nConnection: close\r\n\r\n", len(body))
	out.Write(body)
	return out.Bytes(), true
}

// requestPath is the path of the request whose first bytes are start, ""
// when they do not hold one.
func requestPath(start []byte) string {
	line, _, _ := bytes.Cut(start, []byte("\n"))
	fields := strings.Fields(string(line))
	if len(fields) < 2 {
		return ""
	}
	p, _, _ := strings.Cut(fields[1], "?")
	return p
}

func sortedKeys(m map[string]string) []string {
	return slices.Sorted(maps.Keys(m))
}
