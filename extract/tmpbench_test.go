package extract

import (
	"os"
	"path/filepath"
	"testing"
)

func BenchmarkTmpCorpus(b *testing.B) {
	files, _ := filepath.Glob("testdata/corpus/*.txt")
	var data [][]byte
	for _, f := range files {
		d, _ := os.ReadFile(f)
		data = append(data, d)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for k, d := range data {
			Extract(files[k], d, Options{})
		}
	}
}
