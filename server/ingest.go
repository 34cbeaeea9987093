package server

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"

	"github.com/docgraph/docgraph/ingest"
)

// ingestReply is the JSON answer to POST /documents.
type ingestReply struct {
	Documents []ingestedDoc `json:"documents"`
	Failed    []string      `json:"failed,omitempty"`
	Warnings  []string      `json:"warnings,omitempty"`
	Added     int           `json:"quadsAdded"`
	Removed   int           `json:"quadsRemoved"`
}

type ingestedDoc struct {
	ID  string `json:"id"`
	IRI string `json:"iri"`
}

// handleIngest takes multipart files (any field name) and ingests them.
// It needs the server's token as a bearer token; without a token the
// server is read-only.
func (s *server) handleIngest(w http.ResponseWriter, r *http.Request) {
	if s.cfg.Token == "" {
		s.fail(w, r, http.StatusForbidden, "this server is read-only; start it with --token to accept documents")
		return
	}
	if !s.authorized(r) {
		w.Header().Set("WWW-Authenticate", `Bearer realm="docgraph"`)
		s.fail(w, r, http.StatusUnauthorized, "POST /documents needs the server's token: Authorization: Bearer <token>")
		return
	}
	mr, err := r.MultipartReader()
	if err != nil {
		s.fail(w, r, http.StatusBadRequest, "POST /documents takes multipart/form-data with one or more files: "+err.Error())
		return
	}
	dir, err := os.MkdirTemp("", "docgraph-upload-")
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, err.Error())
		return
	}
	defer os.RemoveAll(dir)
	var files []string
	used := map[string]bool{}
	for {
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			s.fail(w, r, statusOf(err), "reading the upload: "+err.Error())
			return
		}
		if part.FileName() == "" {
			part.Close()
			continue
		}
		// Only the base name is kept, cleaned: an upload cannot name a path.
		name := uploadName(part.FileName())
		for i := 2; used[name]; i++ {
			ext := filepath.Ext(name)
			name = fmt.Sprintf("%s-%d%s", strings.TrimSuffix(name, ext), i, ext)
		}
		used[name] = true
		p := filepath.Join(dir, name)
		f, err := os.OpenFile(p, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
		if err != nil {
			s.fail(w, r, http.StatusInternalServerError, err.Error())
			return
		}
		_, err = io.Copy(f, part)
		f.Close()
		part.Close()
		if err != nil {
			s.fail(w, r, statusOf(err), "reading "+name+": "+err.Error())
			return
		}
		files = append(files, p)
	}
	if len(files) == 0 {
		s.fail(w, r, http.StatusBadRequest, "no files in the upload")
		return
	}
	s.ingestMu.Lock()
	rep, err := ingest.Run(r.Context(), s.store, files, ingest.Options{Gazetteer: s.cfg.Gazetteer, Index: s.cfg.Index, Workers: 1, WriteLock: writeLock{s}})
	s.ingestMu.Unlock()
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, "ingest: "+err.Error())
		return
	}
	reply := ingestReply{Added: rep.Quads.Added, Removed: rep.Quads.Removed}
	for _, id := range rep.IDs {
		reply.Documents = append(reply.Documents, ingestedDoc{ID: id, IRI: string(s.mint.Document(id))})
	}
	for _, e := range rep.Errors {
		reply.Failed = append(reply.Failed, strings.ReplaceAll(e.Error(), dir+string(filepath.Separator), ""))
	}
	for _, d := range rep.Warnings {
		reply.Warnings = append(reply.Warnings, strings.ReplaceAll(d.Error(), dir+string(filepath.Separator), ""))
	}
	code := http.StatusCreated
	if len(reply.Documents) == 0 {
		code = http.StatusUnprocessableEntity
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.Encode(reply)
}

// writeLock is the lock an ingest holds around each write: readers wait
// for the write, and the shared summary and page cache, which may have been
// built from the state before it, are dropped before they go on.
type writeLock struct{ s *server }

func (l writeLock) Lock() { l.s.rw.Lock() }

func (l writeLock) Unlock() {
	l.s.invalidate()
	l.s.rw.Unlock()
}

// uploadName reduces a client's file name to a safe base name.
func uploadName(name string) string {
	name = strings.ReplaceAll(name, "\\", "/")
	name = name[strings.LastIndexByte(name, '/')+1:]
	var sb strings.Builder
	for _, r := range name {
		if r < 0x20 || r == 0x7f || strings.ContainsRune(`<>:"|?*`, r) {
			r = '_'
		}
		sb.WriteRune(r)
	}
	name = strings.TrimLeft(sb.String(), ".")
	if name == "" {
		name = "upload.txt"
	}
	if len(name) > 200 {
		name = name[len(name)-200:]
	}
	return name
}

func statusOf(err error) int {
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return http.StatusRequestEntityTooLarge
	}
	return http.StatusBadRequest
}
