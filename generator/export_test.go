package generator

// LinkedAnew returns how many documents the last parse through k read for
// their terms and linked without its memo.
func (k *Cache) LinkedAnew() (discovered, linked int) { return k.memos.linked.Anew() }
