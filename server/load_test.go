package server

import (
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// BenchmarkLoad puts 50 concurrent clients on the loopback against three
// kinds of request and reports throughput and latency percentiles, for
// pages rendered on every request and for pages served from the cache of
// rendered pages. b.N is
// the total number of requests, so -benchtime=500x bounds the run:
//
//	go test -run '^$' -bench Load -benchtime 500x ./server
func BenchmarkLoad(b *testing.B) {
	const clients = 50
	cached := newTestServer(b, Config{})
	h, err := New(Config{Store: sharedStore(b)})
	if err != nil {
		b.Fatal(err)
	}
	h.(*server).noCache = true
	uncached := httptest.NewServer(h)
	defer uncached.Close()
	tr := &http.Transport{MaxIdleConns: clients, MaxIdleConnsPerHost: clients, DisableCompression: true}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr, Timeout: 30 * time.Second}
	sparql := "/sparql?query=" + url.QueryEscape(`SELECT ?doc ?title WHERE { ?doc a schema:ArchiveComponent ; dcterms:title ?title } ORDER BY ?title LIMIT 10`)
	for _, c := range []struct {
		name, path, accept string
		ts                 *httptest.Server
	}{
		{"entity", "/person/joseph-stalin", "text/html", uncached},
		{"entity-cached", "/person/joseph-stalin", "text/html", cached},
		{"document", "/doc/110385", "text/html", uncached},
		{"document-cached", "/doc/110385", "text/html", cached},
		{"sparql", sparql, "application/sparql-results+json", cached},
	} {
		ts := c.ts
		b.Run(c.name, func(b *testing.B) {
			lat := make([]time.Duration, b.N)
			var next atomic.Int64
			var failed atomic.Int64
			var wg sync.WaitGroup
			b.ResetTimer()
			start := time.Now()
			for range clients {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for {
						i := int(next.Add(1)) - 1
						if i >= b.N {
							return
						}
						req, _ := http.NewRequest("GET", ts.URL+c.path, nil)
						req.Header.Set("Accept", c.accept)
						t0 := time.Now()
						resp, err := client.Do(req)
						if err == nil {
							_, err = io.Copy(io.Discard, resp.Body)
							resp.Body.Close()
							if resp.StatusCode != 200 {
								failed.Add(1)
							}
						}
						if err != nil {
							failed.Add(1)
						}
						lat[i] = time.Since(t0)
					}
				}()
			}
			wg.Wait()
			elapsed := time.Since(start)
			b.StopTimer()
			if n := failed.Load(); n > 0 {
				b.Fatalf("%d of %d requests failed", n, b.N)
			}
			slices.Sort(lat)
			pct := func(p float64) float64 {
				return float64(lat[min(len(lat)-1, int(p*float64(len(lat))))].Microseconds()) / 1000
			}
			b.ReportMetric(float64(b.N)/elapsed.Seconds(), "req/s")
			b.ReportMetric(pct(0.50), "p50-ms")
			b.ReportMetric(pct(0.99), "p99-ms")
		})
	}
}

// BenchmarkRender measures one uncached page render, without the network.
func BenchmarkRender(b *testing.B) {
	h, err := New(Config{Store: sharedStore(b)})
	if err != nil {
		b.Fatal(err)
	}
	h.(*server).noCache = true
	for _, p := range []string{"/person/joseph-stalin", "/doc/110385", "/"} {
		b.Run(p, func(b *testing.B) {
			for b.Loop() {
				req := httptest.NewRequest("GET", p, nil)
				req.Header.Set("Accept", "text/html")
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, req)
				if rec.Code != 200 {
					b.Fatal(rec.Code)
				}
			}
		})
	}
}
