// Peer jobs for "docgraph bench" on node: node peers.js TOOL JOB IN OUT.
// TOOL is oxigraph, n3 or jsonld; JOB is load, turtle, nquads or jsonld
// (and, for oxigraph, queries). Load keeps the graph in memory; queries
// times the SPARQL queries read on stdin; the others write OUT.
const fs = require("fs");
const [tool, job, input, output] = process.argv.slice(2);

function done(n) {
  process.stdout.write(String(n) + "\n");
}

if (tool === "oxigraph") {
  const ox = require("oxigraph");
  const store = new ox.Store();
  const inFormat = input.endsWith(".nt") ? "application/n-triples" : "application/n-quads";
  // Line-based input is loaded in pieces of whole lines: a file over
  // about 512 MB does not fit in one JavaScript string.
  const fd = fs.openSync(input, "r");
  const buf = Buffer.alloc(64 << 20);
  let rest = Buffer.alloc(0);
  for (;;) {
    const n = fs.readSync(fd, buf, 0, buf.length, null);
    const chunk = Buffer.concat([rest, buf.subarray(0, n)]);
    const cut = n === 0 ? chunk.length : chunk.lastIndexOf(10) + 1;
    if (cut > 0) store.load(chunk.toString("utf8", 0, cut), { format: inFormat });
    rest = chunk.subarray(cut);
    if (n === 0) break;
  }
  fs.closeSync(fd);
  if (job === "load") {
    done(store.size);
  } else if (job === "queries") {
    // The queries come as JSON on stdin; OUT is the number of timed
    // rounds after one warm-up run. Prints each query's times and rows.
    const { performance } = require("perf_hooks");
    const rounds = Number(output);
    const res = {};
    for (const q of JSON.parse(fs.readFileSync(0, "utf8"))) {
      const r = { wall_ms: [], cpu_ms: [], rows: 0 };
      try {
        for (let i = 0; i <= rounds; i++) {
          const start = performance.now();
          const cpu0 = process.cpuUsage();
          let rows = 0;
          for (const _ of store.query(q.Text, { use_default_graph_as_union: true })) rows++;
          if (i > 0) {
            r.wall_ms.push(performance.now() - start);
            const c = process.cpuUsage(cpu0);
            r.cpu_ms.push((c.user + c.system) / 1000);
          }
          r.rows = rows;
        }
      } catch (e) {
        r.error = String(e);
      }
      res[q.Name] = r;
    }
    process.stdout.write(JSON.stringify(res));
  } else {
    const format = job === "turtle" ? "text/turtle" : "application/n-quads";
    const opts = { format };
    if (job === "turtle") opts.from_graph_name = ox.defaultGraph();
    fs.writeFileSync(output, store.dump(opts));
    done(store.size);
  }
} else if (tool === "n3") {
  const N3 = require("n3");
  const inFormat = input.endsWith(".nt") ? "N-Triples" : "N-Quads";
  const parser = new N3.StreamParser({ format: inFormat });
  fs.createReadStream(input).pipe(parser);
  if (job === "load") {
    const store = new N3.Store();
    parser.on("data", (q) => store.addQuad(q));
    parser.on("end", () => done(store.size));
  } else {
    const format = job === "turtle" ? "text/turtle" : "application/n-quads";
    const writer = new N3.StreamWriter({ format });
    parser.pipe(writer).pipe(fs.createWriteStream(output));
    writer.on("end", () => done(0));
  }
} else if (tool === "jsonld") {
  const jsonld = require("jsonld");
  const nq = fs.readFileSync(input, "utf8");
  jsonld.fromRDF(nq, { format: "application/n-quads" }).then((doc) => {
    if (job === "jsonld") fs.writeFileSync(output, JSON.stringify(doc));
    done(doc.length);
  });
} else {
  console.error("unknown tool " + tool);
  process.exit(2);
}
