package regulation

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"testing"

	"tiaoli/generator/model"
)

var dumpFile = flag.String("dump", "", "print the structure of this file")
var dumpFrom = flag.Int("from", 1, "first line")
var dumpTo = flag.Int("to", 0, "last line")
var dumpIngest = flag.Bool("ingest", false, "read the file through ingest")

func TestDump(t *testing.T) {
	if *dumpFile == "" {
		t.Skip("no -dump file")
	}
	data, err := os.ReadFile(*dumpFile)
	if err != nil {
		t.Fatal(err)
	}
	docs := []*model.Document{docOf(*dumpFile, data, *dumpFrom, *dumpTo)}
	if *dumpIngest {
		docs = corpusDocuments(*dumpFile, data)
	}
	for _, d := range docs {
		if d.Kind != model.KindRegulation {
			continue
		}
		errs := Structure(d)
		d.Body = nil
		out, _ := json.MarshalIndent(d, "", " ")
		fmt.Println(string(out))
		fmt.Println(errs)
	}
}
