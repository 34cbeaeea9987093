// Package ingest runs docgraph's main job: it walks input files and folders,
// extracts each document in parallel, and writes each document's named graph
// with a single writer, one transaction per document, so that a document
// that fails leaves the store as it was.
package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/docgraph/docgraph/curate"
	"github.com/docgraph/docgraph/extract"
	"github.com/docgraph/docgraph/fulltext"
	"github.com/docgraph/docgraph/graph"
	"github.com/docgraph/docgraph/rdf"
	"github.com/docgraph/docgraph/vocab"
)

// Extensions are the file name endings a folder walk takes as documents.
// Files named explicitly are read whatever their name.
var Extensions = []string{".txt", ".md", ".markdown", ".text", ".pdf"}

// MaxFileSize is the largest document read; larger files are refused.
const MaxFileSize = 64 << 20

// Files expands paths into the document files to ingest: files as given,
// folders walked recursively (symbolic links are not followed, so a link loop
// cannot trap the walk). Problems are returned per path, and the walk goes on.
func Files(paths []string) ([]string, []error) {
	var files []string
	var errs []error
	seen := map[string]bool{}
	add := func(p string) {
		if !seen[p] {
			seen[p] = true
			files = append(files, p)
		}
	}
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if !fi.IsDir() {
			add(p)
			continue
		}
		found := 0
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				errs = append(errs, err)
				if d != nil && d.IsDir() && path != p {
					return fs.SkipDir
				}
				return nil
			}
			name := d.Name()
			if d.IsDir() {
				if path != p && (strings.HasPrefix(name, ".") || name == "gold") {
					return fs.SkipDir
				}
				return nil
			}
			if strings.HasPrefix(name, ".") || !slices.Contains(Extensions, strings.ToLower(filepath.Ext(name))) {
				return nil
			}
			switch t := d.Type(); {
			case t.IsRegular():
				found++
				add(path)
			case t&fs.ModeSymlink == 0:
				// A pipe, socket or device named like a document: say so
				// rather than skip it silently (opening a pipe would block).
				errs = append(errs, fmt.Errorf("%s: %s, not a file; skipped", path, fileKind(t)))
			}
			return nil
		})
		if err != nil {
			errs = append(errs, err)
		}
		if found == 0 && err == nil {
			errs = append(errs, fmt.Errorf("%s: no documents in this folder (files ending %s)", p, strings.Join(Extensions, ", ")))
		}
	}
	return files, errs
}

// Options configure Run.
type Options struct {
	Gazetteer *vocab.Gazetteer
	// Workers is the number of parallel extractors; 0 means one per CPU.
	Workers int
	// Progress, when set, is called after each document with the number done.
	Progress func(done int)
	// WriteLock, when set, is held around each write to the store and only
	// then: a server passes the lock its readers share, so that pages keep
	// being served while documents are read and extracted, and wait only
	// for the writes (one batch of documents each). Every write to the
	// store must go through it.
	WriteLock sync.Locker
	// Incremental writes an empty embedded store in batches, as any other
	// store, instead of building its file in one pass at the end. The
	// one-pass first load is several times faster and uses less disk, but
	// an interrupted first load keeps nothing; batches keep what was
	// written. A run with WriteLock set is always incremental.
	Incremental bool
	// Batch is how many documents one transaction writes when writing
	// incrementally; 0 means 400.
	Batch int
	// Index, when set, is the full-text index kept with the store: every
	// document written is indexed too.
	Index *fulltext.Index
	// Building, when set, is called when a first load starts writing the
	// store's file after the last document, and then with its progress.
	Building func(done, total int64)
}

// Report says what a run did.
type Report struct {
	Documents int // documents written
	Failed    int // documents refused
	Entities  int // distinct entities mentioned across the written documents
	Merged    int // person entities the identity graph merges into another (Identities)
	Claims    int
	Quads     Change
	Warnings  []extract.Diagnostic
	Errors    []error // one per failed document, naming its file
	IDs       []string
}

// Change counts quads added and removed.
type Change = graph.Change

// Documents are written in batches, one transaction each: a crash loses at
// most the batch in flight, and every document is either whole or absent.
// A batch of new documents goes through the store's bulk path, where
// larger batches pay less per quad: 400 documents took half the time per
// document of 50 (BenchmarkIngestSynth).
const (
	batchDocs     = 400
	batchMaxQuads = 400000
)

type written struct {
	file  string
	res   *extract.Result
	doc   rdf.IRI
	quads []rdf.Quad
	extra []graph.GraphUpdate // the extracted twin of a corrected graph (curate.Set.Updates)
}

type job struct {
	i    int
	file string
	res  *extract.Result
	err  error
	ups  []graph.GraphUpdate // its graph as written, corrections applied (curate.Set.Updates)
}

// Run ingests files into the store. Errors of single documents are reported
// in Report.Errors and do not stop the run; the returned error is for
// failures of the store itself or cancellation.
func Run(ctx context.Context, store *graph.Store, files []string, opt Options) (Report, error) {
	var rep Report
	gz := opt.Gazetteer
	if gz == nil {
		var err error
		if gz, err = vocab.LoadGazetteer(); err != nil {
			return rep, err
		}
	}
	m := store.Minter()
	gazNames := GazetteerNames(gz, m)
	// Corrections apply to each graph before it is written (curate).
	cur, err := curate.Load(ctx, store)
	if err != nil {
		return rep, err
	}
	batchSize := opt.Batch
	if batchSize <= 0 {
		batchSize = batchDocs
	}
	locked := func(write func()) {
		if opt.WriteLock != nil {
			opt.WriteLock.Lock()
			defer opt.WriteLock.Unlock()
		}
		write()
	}
	// A first load into an empty embedded store gathers everything and
	// writes the store's file once at the end (graph.Loader).
	var loader *graph.Loader
	if opt.WriteLock == nil && !opt.Incremental {
		l, fresh, err := store.NewLoader(ctx)
		if err != nil {
			if ctx.Err() != nil {
				return rep, fmt.Errorf("%w before any document was written (%w)", ErrInterrupted, ctx.Err())
			}
			return rep, err
		}
		if fresh {
			loader = l
			loader.Progress = opt.Building
		}
	}
	replace := func(ups []graph.GraphUpdate) ([]graph.Change, error) {
		if loader == nil {
			return store.ReplaceGraphs(ctx, ups)
		}
		chs := make([]graph.Change, len(ups))
		for i, u := range ups {
			var err error
			if chs[i], err = loader.Add(u.Graph, u.Quads); err != nil {
				return nil, err
			}
		}
		return chs, nil
	}
	var chs []graph.Change
	// the gazetteer graph describes the known entities and the known archives
	gazQuads := append(gz.Quads(m), vocab.Archives().Quads(m, gz)...)
	locked(func() { chs, err = replace(cur.Updates(m.Gazetteer(), gazQuads)) })
	var ch graph.Change
	if err == nil {
		ch = chs[0]
	}
	if err != nil {
		if ctx.Err() != nil {
			return rep, fmt.Errorf("%w before any document was written (%w)", ErrInterrupted, ctx.Err())
		}
		return rep, fmt.Errorf("writing the gazetteer graph: %w", err)
	}
	rep.Quads.Added += ch.Added
	rep.Quads.Removed += ch.Removed

	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	entities := map[rdf.IRI]bool{}
	// stopped says what an interrupted run leaves: a first load nothing,
	// batches the documents they wrote.
	stopped := func(cause error) (Report, error) {
		if loader != nil {
			return Report{}, fmt.Errorf("%w before the store was written; it is as it was, empty (%w)", ErrInterrupted, cause)
		}
		rep.Entities = len(entities)
		return rep, fmt.Errorf("%w after %d of %d documents were written; each of them is whole, the others are not in the store (%w)",
			ErrInterrupted, rep.Documents, len(files), cause)
	}
	parent := ctx
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	in := make(chan job)
	out := make(chan job, workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range in {
				j.res, j.err = extractFile(j.file, gz)
				if j.err == nil {
					j.ups = cur.Updates(m.Document(j.res.ID), j.res.Quads(m))
				}
				select {
				case out <- j:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() {
		defer close(in)
		for i, f := range files {
			select {
			case in <- job{i: i, file: f}:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() { wg.Wait(); close(out) }()

	// The writer runs beside the extractors: while one batch is written,
	// the next is extracted. Batches are written in order.
	var mu sync.Mutex // guards rep between the loop below and the writer
	write := func(batch []written) error {
		ups := make([]graph.GraphUpdate, len(batch))
		for i, w := range batch {
			ups[i] = graph.GraphUpdate{Graph: w.doc, Quads: w.quads}
		}
		for _, w := range batch {
			ups = append(ups, w.extra...)
		}
		var chs []graph.Change
		var err error
		locked(func() { chs, err = replace(ups) })
		mu.Lock()
		defer mu.Unlock()
		if errors.Is(err, graph.ErrUnavailable) {
			// The database server went away: no document is to blame,
			// and the transaction left the store as it was.
			return fmt.Errorf("%w; %d documents were written before, each whole, and the batch in flight was not written: run the ingest again once the server is back", err, rep.Documents)
		}
		if err != nil && ctx.Err() == nil && len(batch) > 1 {
			// Write one by one to find the document the store refuses.
			chs, err = make([]graph.Change, len(batch)), nil
			for i, w := range batch {
				var ch graph.Change
				var werr error
				locked(func() {
					var one []graph.Change
					if one, werr = replace(append([]graph.GraphUpdate{{Graph: w.doc, Quads: w.quads}}, w.extra...)); werr == nil {
						ch = one[0]
					}
				})
				if werr != nil {
					if ctx.Err() != nil {
						return ctx.Err()
					}
					rep.Failed++
					rep.Errors = append(rep.Errors, fmt.Errorf("%s: %w", w.file, werr))
					batch[i].res = nil
					continue
				}
				chs[i] = ch
			}
		} else if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			rep.Failed++
			rep.Errors = append(rep.Errors, fmt.Errorf("%s: %w", batch[0].file, err))
			return nil
		}
		if opt.Index != nil {
			var docs []fulltext.Doc
			for _, w := range batch {
				if w.res != nil {
					docs = append(docs, fulltext.FromGraph(w.doc, w.quads, gazNames))
				}
			}
			if err := opt.Index.Put(docs); err != nil {
				return fmt.Errorf("the full-text index: %w", err)
			}
		}
		for i, w := range batch {
			if w.res == nil {
				continue
			}
			rep.Documents++
			rep.IDs = append(rep.IDs, w.res.ID)
			rep.Quads.Added += chs[i].Added
			rep.Quads.Removed += chs[i].Removed
			rep.Claims += len(w.res.Claims)
			rep.Warnings = append(rep.Warnings, w.res.Warnings...)
			for _, e := range w.res.Entities {
				entities[m.Entity(e.Class, e.Name)] = true
			}
		}
		return nil
	}
	writes := make(chan []written, 1)
	writeErr := make(chan error, 1)
	go func() {
		var err error
		for b := range writes {
			if err == nil {
				if err = write(b); err != nil {
					cancel()
				}
			}
		}
		writeErr <- err
	}()
	byID := map[string]string{}
	done := 0
	var batch []written
	batchQuads := 0
	flush := func() {
		if len(batch) > 0 {
			writes <- batch
			batch, batchQuads = nil, 0
		}
	}
	for j := range out {
		done++
		if opt.Progress != nil {
			opt.Progress(done)
		}
		if j.err != nil {
			mu.Lock()
			rep.Failed++
			rep.Errors = append(rep.Errors, j.err)
			mu.Unlock()
			continue
		}
		r := j.res
		if prev, ok := byID[r.ID]; ok {
			mu.Lock()
			rep.Warnings = append(rep.Warnings, extract.Diagnostic{File: j.file,
				Msg: fmt.Sprintf("record %s was also read from %s; this file replaces it", r.ID, prev)})
			mu.Unlock()
			flush() // keep the later file's graph last
		}
		byID[r.ID] = j.file
		w := written{file: j.file, res: r, doc: j.ups[0].Graph, quads: j.ups[0].Quads, extra: j.ups[1:]}
		batch = append(batch, w)
		batchQuads += len(w.quads)
		if len(batch) >= batchSize || batchQuads >= batchMaxQuads {
			flush()
		}
	}
	if ctx.Err() == nil {
		flush()
	}
	close(writes)
	if err := <-writeErr; err != nil {
		if parent.Err() != nil {
			return stopped(parent.Err())
		}
		return rep, err
	}
	if loader != nil {
		if err := ctx.Err(); err != nil {
			return stopped(err)
		}
		if opt.Building != nil {
			opt.Building(0, 1)
		}
		if err := loader.Commit(ctx); err != nil {
			if ctx.Err() != nil {
				return stopped(err)
			}
			return Report{}, fmt.Errorf("writing the store: %w", err)
		}
	}
	rep.Entities = len(entities)
	if err := ctx.Err(); err != nil && rep.Documents+rep.Failed < len(files) {
		return stopped(err)
	}
	if ctx.Err() == nil && rep.Documents > 0 {
		var ch graph.Change
		var err error
		locked(func() { ch, rep.Merged, err = identities(ctx, store, cur) })
		if err != nil {
			return rep, fmt.Errorf("writing the identity graph: %w", err)
		}
		rep.Quads.Added += ch.Added
		rep.Quads.Removed += ch.Removed
	}
	return rep, nil
}

// ErrInterrupted is returned, wrapping the context's error, when a run is
// cancelled before every document was written.
var ErrInterrupted = errors.New("ingest interrupted")

// fileKind names the kind of a file that is not a regular one.
func fileKind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m.IsDir():
		return "a folder"
	}
	return "a special file"
}

func extractFile(path string, gz *vocab.Gazetteer) (*extract.Result, error) {
	// Look before opening: opening a named pipe would wait for a writer.
	fi, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: %s, not a file", path, fileKind(fi.Mode()))
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if fi, err = f.Stat(); err != nil {
		return nil, err
	}
	if fi.Size() > MaxFileSize {
		return nil, fmt.Errorf("%s: %d bytes is larger than the %d MB a document may have", path, fi.Size(), MaxFileSize>>20)
	}
	data := make([]byte, fi.Size())
	if _, err := io.ReadFull(f, data); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return extract.Extract(path, data, extract.Options{Gazetteer: gz})
}
