package generator

import (
	"testing"
	"time"
)

// LinkedAnew returns how many documents the last parse through k read for
// their terms and linked without its memo.
func (k *Cache) LinkedAnew() (discovered, linked int) { return k.memos.linked.Anew() }

// SetClock makes the generator tell the time by now until the test ends.
func SetClock(t testing.TB, now func() time.Time) {
	was := clock
	clock = now
	t.Cleanup(func() { clock = was })
}
