package rdfio

import "io"

// Test hooks for the external tests of the line reader (lines_test.go).

// NewExactDecoder is NewDecoder without the line reader: N-Triples and
// N-Quads go through the token parser alone.
func NewExactDecoder(r io.Reader, f Format, opt Options) *Decoder { return newDecoder(r, f, opt, true) }

// SynthNQuads is synthNQuads (bench_test.go).
var SynthNQuads = synthNQuads

// LineChunk is the line reader's read size.
const LineChunk = lineChunk

// SetBlockSize sets the size of the blocks Batches decodes in parallel and
// returns a function that restores it.
func SetBlockSize(n int) (restore func()) {
	old := blockSize
	blockSize = n
	return func() { blockSize = old }
}
