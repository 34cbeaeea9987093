// Loads an N-Quads file into an in-memory Oxigraph store and times the
// queries read as JSON on stdin; prints medians as JSON. The default graph
// is the union of the named graphs, as in docgraph.
const fs = require("fs");
const { performance } = require("perf_hooks");
const ox = require("oxigraph");

const [file, roundsArg] = process.argv.slice(2);
const rounds = Number(roundsArg);
const queries = JSON.parse(fs.readFileSync(0, "utf8"));
const store = new ox.Store();
store.load(fs.readFileSync(file, "utf8"), { format: "application/n-quads" });
const out = {};
for (const q of queries) {
  const times = [];
  const cpus = [];
  let rows = 0;
  try {
    for (let i = 0; i <= rounds; i++) {
      const start = performance.now();
      const cpu0 = process.cpuUsage();
      const res = store.query(q.Prefixes + q.Text, { use_default_graph_as_union: true });
      rows = 0;
      for (const _ of res) rows++;
      if (i > 0) {
        times.push(performance.now() - start);
        const c = process.cpuUsage(cpu0);
        cpus.push((c.user + c.system) / 1000);
      }
    }
    const median = (xs) => {
      xs.sort((a, b) => a - b);
      return xs.length % 2 ? xs[(xs.length - 1) / 2] : (xs[xs.length / 2 - 1] + xs[xs.length / 2]) / 2;
    };
    out[q.Name] = { median_ms: median(times), median_cpu_ms: median(cpus), rows, rounds };
  } catch (e) {
    out[q.Name] = { error: String(e) };
  }
}
process.stdout.write(JSON.stringify(out));
