package generator

// LinkedAnew returns how many documents the last parse through k read for
// their terms and linked without its memo.
func (k *Cache) LinkedAnew() (discovered, linked int) { return k.memos.linked.Anew() }

// LinkedAnew returns how many documents the last parse through s read for
// their terms and linked without the memo s keeps.
func (s *Store) LinkedAnew() (discovered, linked int) { return s.linkedAnew[0], s.linkedAnew[1] }
