package export

import (
	"bufio"
	"container/heap"
	"fmt"
	"io"
	"os"
	"slices"

	"github.com/docgraph/docgraph/rdf"
)

// lineEncoder writes N-Triples (quads false) or N-Quads
// (https://www.w3.org/TR/n-quads/), one statement a line in canonical form.
type lineEncoder struct {
	w      *bufio.Writer
	quads  bool
	opt    Options
	line   []byte
	sorter *lineSorter
	err    error
	closed bool
}

func newLineEncoder(w io.Writer, quads bool, opt Options) *lineEncoder {
	e := &lineEncoder{w: bufio.NewWriterSize(w, 64<<10), quads: quads, opt: opt}
	if opt.Sorted {
		e.sorter = &lineSorter{limit: opt.SortMemory, dir: opt.TempDir}
		if e.sorter.limit <= 0 {
			e.sorter.limit = 64 << 20
		}
	}
	return e
}

func (e *lineEncoder) Encode(q rdf.Quad) error {
	if e.closed {
		return ErrClosed
	}
	if e.err != nil {
		return e.err
	}
	if err := checkQuad(q); err != nil {
		return err
	}
	if !e.opt.keep(q) {
		return nil
	}
	b := appendNT(e.line[:0], q.S)
	b = append(b, ' ')
	b = appendNT(b, q.P)
	b = append(b, ' ')
	b = appendNT(b, q.O)
	if e.quads && q.G != nil {
		b = append(b, ' ')
		b = appendNT(b, q.G)
	}
	b = append(b, " .\n"...)
	e.line = b
	if e.sorter != nil {
		e.err = e.sorter.add(string(b))
	} else {
		_, e.err = e.w.Write(b)
	}
	return e.err
}

func (e *lineEncoder) Close() error {
	if e.closed {
		return e.err
	}
	e.closed = true
	if e.sorter != nil {
		if e.err == nil {
			e.err = e.sorter.writeTo(e.w)
		}
		e.sorter.cleanup()
	}
	if err := e.w.Flush(); e.err == nil {
		e.err = err
	}
	return e.err
}

// lineSorter sorts lines (each ending in "\n") in byte order and drops
// duplicates. It keeps up to limit bytes in memory; beyond that it writes a
// sorted run to a temporary file, and writeTo merges the runs.
type lineSorter struct {
	limit int
	dir   string
	lines []string
	size  int
	runs  []*os.File
}

func (s *lineSorter) add(line string) error {
	s.lines = append(s.lines, line)
	s.size += len(line) + 16 // a string header per line
	if s.size >= s.limit {
		return s.spill()
	}
	return nil
}

// sorted sorts and deduplicates the lines in memory.
func (s *lineSorter) sorted() []string {
	slices.Sort(s.lines)
	return slices.Compact(s.lines)
}

func (s *lineSorter) spill() error {
	f, err := os.CreateTemp(s.dir, "docgraph-export-*.run")
	if err != nil {
		return fmt.Errorf("export: sorting: %w", err)
	}
	s.runs = append(s.runs, f)
	w := bufio.NewWriterSize(f, 256<<10)
	for _, l := range s.sorted() {
		if _, err := w.WriteString(l); err != nil {
			return fmt.Errorf("export: sorting: %w", err)
		}
	}
	if err := w.Flush(); err != nil {
		return fmt.Errorf("export: sorting: %w", err)
	}
	clear(s.lines)
	s.lines, s.size = s.lines[:0], 0
	return nil
}

// writeTo writes every line in order, each once.
func (s *lineSorter) writeTo(w *bufio.Writer) error {
	if len(s.runs) == 0 {
		for _, l := range s.sorted() {
			if _, err := w.WriteString(l); err != nil {
				return err
			}
		}
		return nil
	}
	if len(s.lines) > 0 {
		if err := s.spill(); err != nil {
			return err
		}
	}
	h := make(runHeap, 0, len(s.runs))
	for _, f := range s.runs {
		if _, err := f.Seek(0, io.SeekStart); err != nil {
			return fmt.Errorf("export: sorting: %w", err)
		}
		r := &run{r: bufio.NewReaderSize(f, 64<<10)}
		if ok, err := r.next(); err != nil {
			return err
		} else if ok {
			h = append(h, r)
		}
	}
	heap.Init(&h)
	last := ""
	for len(h) > 0 {
		top := h[0]
		if top.line != last {
			if _, err := w.WriteString(top.line); err != nil {
				return err
			}
			last = top.line
		}
		ok, err := top.next()
		if err != nil {
			return err
		}
		if ok {
			heap.Fix(&h, 0)
		} else {
			heap.Pop(&h)
		}
	}
	return nil
}

func (s *lineSorter) cleanup() {
	for _, f := range s.runs {
		f.Close()
		os.Remove(f.Name())
	}
	s.runs = nil
	s.lines = nil
}

// run is one sorted run being merged.
type run struct {
	r    *bufio.Reader
	line string
}

func (r *run) next() (bool, error) {
	l, err := r.r.ReadString('\n')
	if err == io.EOF && l == "" {
		return false, nil
	}
	if err != nil && err != io.EOF {
		return false, fmt.Errorf("export: sorting: %w", err)
	}
	r.line = l
	return true, nil
}

type runHeap []*run

func (h runHeap) Len() int           { return len(h) }
func (h runHeap) Less(i, j int) bool { return h[i].line < h[j].line }
func (h runHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *runHeap) Push(x any)        { *h = append(*h, x.(*run)) }
func (h *runHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}
