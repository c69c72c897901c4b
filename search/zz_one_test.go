package search

import (
	"context"
	"os"
	"testing"
)

func BenchmarkOneQuery(b *testing.B) {
	ix, err := Open(synthIndexDir(b))
	if err != nil {
		b.Fatal(err)
	}
	q := os.Getenv("Q")
	for i := 0; i < b.N; i++ {
		ix.Search(context.Background(), Request{Query: q})
	}
}
