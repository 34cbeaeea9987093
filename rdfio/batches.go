package rdfio

import (
	"bytes"
	"errors"
	"io"
	"iter"
	"runtime"
	"sync"

	"github.com/docgraph/docgraph/rdf"
)

// Batches reads r in format f away from the caller's goroutine and yields
// its quads in document order, several thousand at a time; each slice is
// the caller's to keep. After an error it yields (nil, err) once and stops;
// the quads before the error are those Decode would have returned, and the
// error is the same. Stopping the loop early stops the reading; r is not
// read after the loop ends, and the sequence is meant to be ranged over once.
//
// N-Triples and N-Quads are cut into blocks of whole lines that up to
// workers goroutines decode at once (workers <= 0: one per processor);
// other formats, or workers = 1, are decoded by one goroutine, which still
// lets the caller work while the next quads are read.
func Batches(r io.Reader, f Format, opt Options, workers int) iter.Seq2[[]rdf.Quad, error] {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	return func(yield func([]rdf.Quad, error) bool) {
		// (An invalid base is reported by NewDecoder.)
		if workers > 1 && (f == NTriples || f == NQuads) && (opt.Base == "" || validBase(opt.Base)) {
			parallelBatches(r, f, opt, workers, yield)
			return
		}
		backgroundBatches(NewDecoder(r, f, opt), yield)
	}
}

func validBase(base string) bool {
	_, abs := iriScheme(base)
	return abs
}

// batchQuads is about how many quads a batch holds when one decoder fills them.
const batchQuads = 4096

// backgroundBatches runs d in a goroutine of its own.
func backgroundBatches(d *Decoder, yield func([]rdf.Quad, error) bool) {
	type batch struct {
		quads []rdf.Quad
		err   error
	}
	out := make(chan batch, 2)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(out)
		for {
			qs := make([]rdf.Quad, 0, batchQuads)
			var err error
			for len(qs) < batchQuads {
				var q rdf.Quad
				if q, err = d.Decode(); err != nil {
					break
				}
				qs = append(qs, q)
			}
			if len(qs) > 0 {
				select {
				case out <- batch{quads: qs}:
				case <-stop:
					return
				}
			}
			if err != nil {
				if err != io.EOF {
					select {
					case out <- batch{err: err}:
					case <-stop:
					}
				}
				return
			}
		}
	}()
	defer wg.Wait()
	defer close(stop)
	for b := range out {
		if !yield(b.quads, b.err) || b.err != nil {
			return
		}
	}
}

// A block is a run of whole lines of an N-Triples or N-Quads input that one
// worker decodes.
type block struct {
	data  []byte // whole lines; the last block may end without a '\n'
	line  int    // number of its first line
	quads []rdf.Quad
	// clean is false when the block holds a line that is in error (the
	// line reader would have handed it to the token parser).
	clean bool
	done  chan struct{}
}

// blockSize is about how many bytes of input a block holds (a variable for
// the tests, which make it tiny).
var blockSize = 1 << 20

// errBlockFailed stops a worker's line reader where the sequential one
// would hand over to the token parser.
var errBlockFailed = errors.New("rdfio: block needs the token parser")

// parallelBatches decodes blocks of lines in parallel. A block decoded on
// its own gives what the whole input gives for its lines, except at the
// edges: the token parser returns a statement's quad only once it has read
// the token after it, which may lie in the next block. So a block's quads
// are yielded only once a later block has given a quad (then that token was
// read without error), and when a block is not clean, the input from the
// start of the blocks not yet yielded is decoded again in order, as Decode
// would.
func parallelBatches(r io.Reader, f Format, opt Options, workers int, yield func([]rdf.Quad, error) bool) {
	stop := make(chan struct{})
	order := make(chan *block, 2*workers)
	work := make(chan *block, 2*workers)
	free := make(chan []byte, 4*workers) // blocks' buffers, to read into again
	var wg sync.WaitGroup

	// The reader cuts the input into blocks of whole lines.
	var (
		leftover []byte // read but not sent, when the reader stops
		rerr     error  // the read error that ended the input (io.EOF at its end)
	)
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(work)
		defer close(order)
		line := 1
		var carry []byte
		for rerr == nil {
			var buf []byte
			select {
			case buf = <-free:
			default:
			}
			if cap(buf) < len(carry)+blockSize {
				buf = make([]byte, 0, len(carry)+blockSize)
			}
			buf = append(buf[:0], carry...)
			for len(buf) < cap(buf) && rerr == nil {
				var n int
				n, rerr = r.Read(buf[len(buf):cap(buf)])
				buf = buf[:len(buf)+n]
				if n == 0 && rerr == nil {
					n, rerr = readSome(r, buf[len(buf):cap(buf)])
					buf = buf[:len(buf)+n]
				}
			}
			cut := bytes.LastIndexByte(buf, '\n') + 1
			if rerr == io.EOF {
				cut = len(buf)
			} else if rerr != nil {
				cut = 0 // the token parser reports what the error cuts short
			}
			if cut == 0 && len(buf) > 0 && rerr == nil {
				carry = buf // a line longer than a block: read on
				continue
			}
			b := &block{data: buf[:cut], line: line, done: make(chan struct{})}
			carry = buf[cut:]
			line += bytes.Count(b.data, []byte{'\n'})
			if len(b.data) == 0 {
				break
			}
			select {
			case order <- b:
			case <-stop:
				leftover = buf
				return
			}
			select {
			case work <- b:
			case <-stop:
				leftover = carry
				close(b.done) // read again by the token parser; never decoded
				return
			}
		}
		leftover = carry
	}()

	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			l := newLineDecoder(nil, f, opt) // its term cache serves every block
			l.strict = true
			for b := range work {
				select {
				case <-stop: // the blocks left are read again, or not at all
				default:
					b.quads, b.clean = l.decodeBlock(b)
				}
				close(b.done)
			}
		}()
	}

	finish := func() {
		close(stop)
		for range order { // drain, so that the reader can end
		}
		wg.Wait()
	}

	var held []*block // blocks decoded but not yet yielded: clean, and none with quads after them yet
	for b := range order {
		<-b.done
		if !b.clean {
			later := []*block{b}
			close(stop)
			for b := range order {
				later = append(later, b)
			}
			wg.Wait()
			sequentialFrom(append(held, later...), leftover, r, rerr, f, opt, yield)
			return
		}
		if len(b.quads) == 0 {
			held = append(held, b)
			continue
		}
		// b read its first statement, which is the token after the last
		// quad of the blocks held.
		for _, h := range held {
			if len(h.quads) > 0 && !yield(h.quads, nil) {
				finish()
				return
			}
			// The quads hold copies of the text: the buffer can be read into again.
			select {
			case free <- h.data[:0]:
			default:
			}
		}
		held = append(held[:0], b)
	}
	wg.Wait()
	if rerr != io.EOF {
		// A read error: what was read before it is decoded again in order.
		sequentialFrom(held, leftover, r, rerr, f, opt, yield)
		return
	}
	for _, h := range held {
		if len(h.quads) > 0 && !yield(h.quads, nil) {
			return
		}
	}
}

// readSome reads again from a reader that returned nothing and no error,
// up to a hundred times, then gives up with io.ErrNoProgress (the token
// parser alone would wait for ever).
func readSome(r io.Reader, p []byte) (int, error) {
	for range 100 {
		if n, err := r.Read(p); n > 0 || err != nil {
			return n, err
		}
	}
	return 0, io.ErrNoProgress
}

// decodeBlock decodes one block with the line reader l, reading the
// block's bytes in place; clean is false when a line in it is in error.
func (l *lineDecoder) decodeBlock(b *block) (qs []rdf.Quad, clean bool) {
	l.buf, l.pos, l.end, l.rerr, l.line = b.data, 0, len(b.data), io.EOF, b.line
	l.hasPend = false
	if len(l.terms.slots) < termSlotsLarge && len(b.data) >= lineChunk {
		l.terms.slots = make([]termSlot, termSlotsLarge)
	}
	qs = make([]rdf.Quad, 0, len(b.data)/128)
	for {
		q, err := l.next()
		if err == io.EOF {
			return qs, true
		}
		if err != nil {
			return nil, false
		}
		qs = append(qs, q)
	}
}

// sequentialFrom decodes, in order, the blocks from, then leftover, then
// what is left of r (or its error), and yields the quads.
func sequentialFrom(from []*block, leftover []byte, r io.Reader, rerr error, f Format, opt Options, yield func([]rdf.Quad, error) bool) {
	var parts []io.Reader
	line := 1
	if len(from) > 0 {
		line = from[0].line
	}
	for _, b := range from {
		parts = append(parts, bytes.NewReader(b.data))
	}
	parts = append(parts, bytes.NewReader(leftover))
	switch {
	case rerr == nil:
		parts = append(parts, r)
	case rerr != io.EOF:
		parts = append(parts, errReader{rerr})
	}
	d := NewDecoder(io.MultiReader(parts...), f, opt)
	d.lines.line = line
	for {
		qs := make([]rdf.Quad, 0, batchQuads)
		var err error
		for len(qs) < batchQuads {
			var q rdf.Quad
			if q, err = d.Decode(); err != nil {
				break
			}
			qs = append(qs, q)
		}
		if len(qs) > 0 && !yield(qs, nil) {
			return
		}
		if err != nil {
			if err != io.EOF {
				yield(nil, err)
			}
			return
		}
	}
}
