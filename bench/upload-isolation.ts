// Upload isolation (issue 10 §4, "one upload freezes everyone"): the public portal's latency while hostile
// uploads are being refused. The app runs in-process on PGlite, listening on loopback; a reader sends
// sequential GETs to public portal pages (agency list, public register) and records each latency. Quiet
// phase: nobody uploads. Loaded phase: N clients upload, back to back, a 1 MB xlsx whose sheet inflates
// to 280 MiB, alternately to the register import and the PII document upload (each answered 413 by the
// upload workers). Ratio = p99 loaded / p99 quiet; target <= 3.
// Usage: node --import tsx bench/upload-isolation.ts [--quick]
import { multipart } from "@civicpims/server/modules/cases/multipart.test-helper";
import { createTestApp } from "@civicpims/server/test-support/app";
import { inflatingXlsx } from "@civicpims/server/workers/zip-bombs.test-helper";

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

export async function run(opts: { quick: boolean }): Promise<Record<string, number | string>> {
  const reads = opts.quick ? 100 : 300;
  const uploaders = opts.quick ? 2 : 3;
  const t = await createTestApp();
  try {
    await t.app.listen({ host: "127.0.0.1", port: 0 });
    const { port } = t.app.server.address() as { port: number };
    const base = `http://127.0.0.1:${port}`;
    const pages = ["/api/portal/agencies", `/api/public/registry/${t.a.code}/files`];
    const readOnce = async (i: number) => {
      const t0 = performance.now();
      const r = await fetch(base + pages[i % pages.length]);
      await r.arrayBuffer();
      if (r.status !== 200) throw new Error(`portal answered ${r.status}`);
      return performance.now() - t0;
    };
    const readAll = async () => {
      const ms: number[] = [];
      for (let i = 0; i < reads; i++) ms.push(await readOnce(i));
      return ms;
    };
    // Warm-up: JIT, the portal's queries, one worker started by a refused upload.
    for (let i = 0; i < 30; i++) await readOnce(i);
    const bomb = inflatingXlsx({ sheetBytes: 280 * 1024 * 1024, kind: "cells" });
    const headers = await t.as("handler", "a");
    const officer = await t.as("privacy_officer", "a");
    const upload = async (k: number) => {
      const body = multipart({ filename: "hostile.xlsx", content: bomb });
      const url = k % 2 ? "/api/pii/documents" : "/api/registry/xlsx/import";
      const r = await fetch(base + url, {
        method: "POST",
        headers: { ...(k % 2 ? headers : officer), ...body.headers },
        body: new Uint8Array(body.payload),
      });
      await r.arrayBuffer();
      return r.status;
    };
    const warm = await upload(0);
    if (warm !== 413) throw new Error(`hostile upload answered ${warm}, not 413`);

    const quiet = await readAll();

    let stop = false;
    const statuses = new Map<number, number>();
    const clients = Array.from({ length: uploaders }, async (_, c) => {
      for (let k = c; !stop; k++) {
        const s = await upload(k);
        statuses.set(s, (statuses.get(s) ?? 0) + 1);
      }
    });
    // Let the uploads get going before reading.
    await new Promise((r) => setTimeout(r, 300));
    const loaded = await readAll();
    stop = true;
    await Promise.all(clients);

    const q = { p50: pct(quiet, 50), p99: pct(quiet, 99) };
    const l = { p50: pct(loaded, 50), p99: pct(loaded, 99) };
    const ratio = l.p99 / q.p99;
    const refused = [...statuses].map(([s, n]) => `${n}x${s}`).join(", ");
    console.log(
      `portal GET, quiet:                     p50 ${q.p50.toFixed(1)} ms, p99 ${q.p99.toFixed(1)} ms`,
    );
    console.log(
      `portal GET, ${uploaders} hostile uploads running: p50 ${l.p50.toFixed(1)} ms, p99 ${l.p99.toFixed(1)} ms (uploads answered: ${refused})`,
    );
    console.log(`ratio p99 loaded / quiet: ${ratio.toFixed(2)} (target <= 3)`);
    return {
      quietP50: q.p50,
      quietP99: q.p99,
      loadedP50: l.p50,
      loadedP99: l.p99,
      ratio,
      uploads: refused,
    };
  } finally {
    await t.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await run({ quick: process.argv.includes("--quick") });
}
