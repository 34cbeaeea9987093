package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"runtime/pprof"

	"github.com/spf13/cobra"

	"github.com/docgraph/docgraph/curate"
	"github.com/docgraph/docgraph/graph"
	"github.com/docgraph/docgraph/ingest"
	"github.com/docgraph/docgraph/internal/startgc"
	"github.com/docgraph/docgraph/vocab"
)

// Exit codes; manual.txt documents them.
const (
	exitOK       = 0
	exitError    = 1 // the command failed
	exitUsage    = 2 // bad flags or arguments
	exitPartial  = 3 // some inputs failed, the others went in
	exitLocked   = 4 // another process holds the store
	exitNotFound = 5 // the thing asked for is not in the store
	// exitInterrupted is the status a shell gives a command stopped by
	// Ctrl-C (128 + SIGINT), for a command that stops itself on it.
	exitInterrupted = 130
)

// app holds what every command shares: the global flags and the streams.
type app struct {
	storeSpec string
	base      string
	cpuprof   string
	// gazetteers are the user's gazetteer files (--gazetteer, or
	// DOCGRAPH_GAZETTEER as a list), merged over the built-in one.
	gazetteers []string
	gaz        *vocab.Gazetteer
	// index is the full-text index's folder (--index); "" means inside an
	// embedded store's folder.
	index  string
	stdout io.Writer
	stderr io.Writer
	stdin  io.Reader
	// isTerminal reports whether stdout/stderr are terminals (for colour and progress).
	stdoutTTY, stderrTTY bool
}

// exitError carries an exit code through cobra.
type codeError struct {
	code int
	err  error
}

func (e *codeError) Error() string { return e.err.Error() }
func (e *codeError) Unwrap() error { return e.err }

func withCode(code int, err error) error {
	if err == nil {
		return nil
	}
	return &codeError{code, err}
}

// exitCode maps an error to the documented exit status, in one place.
func exitCode(err error) int {
	var ce *codeError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &ce):
		return ce.code
	case errors.Is(err, graph.ErrLocked):
		return exitLocked
	case errors.Is(err, curate.ErrNotFound):
		return exitNotFound
	case errors.Is(err, curate.ErrInvalid):
		return exitUsage
	case errors.Is(err, ingest.ErrInterrupted), errors.Is(err, context.Canceled):
		return exitInterrupted
	}
	return exitError
}

func newRoot(a *app) *cobra.Command {
	root := &cobra.Command{
		Use:           "docgraph",
		Short:         "Turn archival documents into a linked-data knowledge graph",
		Long:          manual,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	def := os.Getenv("DOCGRAPH_STORE")
	if def == "" {
		def = "docgraph.db"
	}
	root.PersistentFlags().StringVar(&a.storeSpec, "store", def, "store: a folder (embedded bolt), memory:, postgres://… or cockroach://… (env DOCGRAPH_STORE)")
	root.PersistentFlags().StringVar(&a.base, "base", "", "base IRI for minted IRIs, fixed when the store is created (default "+"http://example.org/docgraph/)")
	var gazDef []string
	if env := os.Getenv("DOCGRAPH_GAZETTEER"); env != "" {
		gazDef = filepath.SplitList(env)
	}
	root.PersistentFlags().StringArrayVar(&a.gazetteers, "gazetteer", gazDef, "a gazetteer file merged over the built-in one: TSV or SKOS in RDF (repeatable; env DOCGRAPH_GAZETTEER, a path list)")
	root.PersistentFlags().StringVar(&a.index, "index", os.Getenv("DOCGRAPH_INDEX"), "the full-text index's folder (default: inside an embedded store's folder; env DOCGRAPH_INDEX)")
	root.PersistentFlags().StringVar(&a.cpuprof, "cpuprofile", "", "write a Go CPU profile of the command to this file")
	root.PersistentFlags().MarkHidden("cpuprofile")
	root.PersistentPreRunE = func(cmd *cobra.Command, args []string) error {
		// A one-shot query keeps the start's collector pacing (package
		// startgc); every other command, some of which hold archives in
		// memory for minutes, gets the default back.
		if cmd.Name() != "sparql" {
			startgc.Restore()
		}
		if a.cpuprof == "" {
			return nil
		}
		f, err := os.Create(a.cpuprof)
		if err != nil {
			return err
		}
		return pprof.StartCPUProfile(f)
	}
	root.SetOut(a.stdout)
	root.SetErr(a.stderr)
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error { return withCode(exitUsage, err) })
	for _, c := range commands(a) {
		root.AddCommand(c)
	}
	// docgraph --help is the manual alone: it has its own usage section,
	// which cobra's generated one would repeat.
	commandHelp := root.HelpFunc()
	root.SetHelpFunc(func(c *cobra.Command, args []string) {
		if c == root {
			fmt.Fprint(c.OutOrStdout(), manual)
			return
		}
		commandHelp(c, args)
	})
	return root
}

// commands lists every subcommand; each lives in its own file.
func commands(a *app) []*cobra.Command {
	return []*cobra.Command{
		newIngestCmd(a),
		newDocsCmd(a),
		newEntityCmd(a),
		newEntitiesCmd(a),
		newSearchCmd(a),
		newStatsCmd(a),
		newExportCmd(a),
		newVocabCmd(a),
		newCheckCmd(a),
		newSparqlCmd(a),
		newQueryCmd(a),
		newEvalCmd(a),
		newExplainCmd(a),
		newServeCmd(a),
		newBenchCmd(a),
		newCurateCmd(a),
		newReviewCmd(a),
	}
}

// gazetteer returns the built-in gazetteer merged with the user's files,
// read once per command.
func (a *app) gazetteer() (*vocab.Gazetteer, error) {
	if a.gaz != nil {
		return a.gaz, nil
	}
	g, err := vocab.LoadGazetteerFiles(a.gazetteers...)
	if err != nil {
		return nil, withCode(exitUsage, fmt.Errorf("--gazetteer: %w", err))
	}
	a.gaz = g
	return g, nil
}

// openStore opens the store named by --store.
func (a *app) openStore(ctx context.Context) (*graph.Store, error) {
	return graph.Open(ctx, a.storeSpec, graph.Options{Base: a.base})
}

// openStoreReadOnly opens the store for a command that only reads it: an
// embedded store is shared with other such commands and with a server
// that takes no writes, instead of waiting for them.
func (a *app) openStoreReadOnly(ctx context.Context) (*graph.Store, error) {
	return graph.Open(ctx, a.storeSpec, graph.Options{Base: a.base, ReadOnly: true})
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	a := &app{stdout: stdout, stderr: stderr, stdin: stdin,
		stdoutTTY: isTerminal(stdout), stderrTTY: isTerminal(stderr)}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	root := newRoot(a)
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	if a.cpuprof != "" {
		pprof.StopCPUProfile()
	}
	if err != nil {
		fmt.Fprintln(stderr, "docgraph:", err)
	}
	return exitCode(err)
}

func main() {
	if os.Getenv("GOMEMLIMIT") == "" {
		// Big loads hold an archive's statements in memory for a while;
		// past this soft limit the collector works harder instead of
		// letting the heap double.
		debug.SetMemoryLimit(1536 << 20)
	}
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
