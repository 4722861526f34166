// `pnpm bench store [--runs N] [--port P]`
// The storefront as Lighthouse sees it: a production build of apps/store on the demo shop (database
// `pos_bench_store` on DATABASE_URL's server or the embedded one, seeded on first use), Lighthouse's mobile
// profile (simulated slow 4G and a 4× slower CPU) in Debian's Chromium, for the home, a category and a product
// page. Each page's median of N runs is printed next to the same audits, in the same run, of two floors: a bare
// static page served from this process (what any page has on this machine under that profile) and a minimal Next
// App Router page (`bench/next-floor`, on port P+1: what any page of this framework has, scripts included).
// Targets from the issue: every category ≥ 95, LCP ≤ 2.0 s, CLS ≤ 0.05, first-load JS ≤ 150 kB gzipped.
//
// Lighthouse's default throttling is simulated: it loads the page at full speed and estimates the slow load from
// that trace (Lantern). On localhost its LCP estimate counts the framework's scripts whenever they happened to run
// before the fast load painted, a race on a small machine, so it swings by half a second between runs (the minimal
// Next page's LCP estimate lands on both sides of 2.0 s on the same machine). Each page is
// therefore also loaded under applied throttling (`applied`: the same mobile profile, the page really slowed down
// by DevTools), which measures the slow load instead of estimating it.
import type { ChildProcess } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { chromium } from "@playwright/test";
import lighthouse from "lighthouse";
import { ensureDatabaseServer } from "@pos/db/server";
import { intFlag, parseFlags } from "./lib/args.ts";
import { BENCH_UPLOADS_DIR, demoDatabase, nextFloor, query, startApp, stopApp } from "./lib/next-app.ts";
import { note, printResult } from "./lib/report.ts";
import { percentile } from "./lib/stats.ts";

const DATABASE = "pos_bench_store";
const TARGETS = { score: 95, lcpMs: 2000, cls: 0.05, firstLoadJsKb: 150 };
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
type Throttling = "simulate" | "devtools";

/** The floor: a page with nothing to load but itself, well-formed enough to pass every audit. */
const BARE_PAGE = `<!doctype html><html lang="es"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Floor</title>
<meta name="description" content="A static page: Lighthouse's floor on this machine."></head>
<body><main><h1>Floor</h1><p>Nothing else to load.</p></main></body></html>`;

interface Audit {
  scores: Record<(typeof CATEGORIES)[number], number>;
  lcpMs: number;
  cls: number;
  tbtMs: number;
  /** Scripts as they crossed the network on a first visit (gzip as served), in kB. */
  jsKb: number;
}

export default async function storeBench(argv: string[]): Promise<void> {
  const flags = parseFlags(argv);
  const runs = intFlag(flags, "runs", 3);
  const port = intFlag(flags, "port", 3310);
  const debugPort = intFlag(flags, "debug-port", 9333);

  const server = await ensureDatabaseServer({ log: note });
  const url = await demoDatabase(server.adminUrl, DATABASE);
  const app = await startApp(
    { dir: "apps/store", readyPath: "/robots.txt" },
    { databaseUrl: url, port, env: { POS_UPLOADS_DIR: BENCH_UPLOADS_DIR } },
  );
  let nextApp: ChildProcess | undefined;
  const floor = await serveBarePage();
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      `--remote-debugging-port=${debugPort}`,
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-sync",
    ],
  });
  try {
    nextApp = await startApp(nextFloor(), { databaseUrl: url, port: port + 1 });
    const base = `http://127.0.0.1:${port}`;
    const pages = await pagesToAudit(url);
    // One unaudited visit each: a server that has just started compiles each route's code on its first request.
    for (const path of Object.values(pages)) await fetch(base + path);
    const floorUrl = `http://127.0.0.1:${(floor.address() as AddressInfo).port}/`;
    const floorAudit = await medianAudit(floorUrl, debugPort, runs, "simulate");
    const floorApplied = await medianAudit(floorUrl, debugPort, runs, "devtools");
    const nextFloorUrl = `http://127.0.0.1:${port + 1}/`;
    await fetch(nextFloorUrl);
    const nextAudit = await medianAudit(nextFloorUrl, debugPort, runs, "simulate");
    const nextApplied = await medianAudit(nextFloorUrl, debugPort, runs, "devtools");
    for (const [name, path] of Object.entries(pages)) {
      const audit = await medianAudit(base + path, debugPort, runs, "simulate");
      const applied = await medianAudit(base + path, debugPort, runs, "devtools");
      printResult({
        bench: "store",
        page: name,
        path,
        runs,
        ...Object.fromEntries(CATEGORIES.map((category) => [category, audit.scores[category]])),
        lcp_ms: audit.lcpMs,
        lcp_range_ms: audit.lcpRangeMs,
        cls: audit.cls,
        tbt_ms: audit.tbtMs,
        first_load_js_kb: audit.jsKb,
        applied: {
          performance: applied.scores.performance,
          lcp_ms: applied.lcpMs,
          cls: applied.cls,
          tbt_ms: applied.tbtMs,
        },
        baseline_bare_page: {
          performance: floorAudit.scores.performance,
          lcp_ms: floorAudit.lcpMs,
          applied: { performance: floorApplied.scores.performance, lcp_ms: floorApplied.lcpMs },
        },
        baseline_next_page: {
          performance: nextAudit.scores.performance,
          lcp_ms: nextAudit.lcpMs,
          lcp_range_ms: nextAudit.lcpRangeMs,
          first_load_js_kb: nextAudit.jsKb,
          applied: { performance: nextApplied.scores.performance, lcp_ms: nextApplied.lcpMs },
        },
        targets: TARGETS,
        met: meetsTargets(audit),
        met_applied: meetsTargets(applied),
      });
    }
  } finally {
    await browser.close();
    floor.close();
    await stopApp(app);
    if (nextApp) await stopApp(nextApp);
    await server.stop();
  }
}

/** A category and a product of the demo shop with a photo and stock online. */
async function pagesToAudit(url: string): Promise<Record<string, string>> {
  const [category] = await query<{ slug: string }>(
    url,
    `SELECT slug FROM "Category" WHERE active AND "parentId" IS NULL ORDER BY "sortOrder", id LIMIT 1`,
  );
  const [product] = await query<{ slug: string }>(
    url,
    `SELECT p.slug FROM "Product" p
      WHERE p.active AND p."showOnline" AND EXISTS (SELECT 1 FROM "ProductImage" i WHERE i."productId" = p.id)
      ORDER BY p.featured DESC, p.id LIMIT 1`,
  );
  if (!category || !product) throw new Error("The demo shop has no category or product to audit.");
  return { home: "/", category: `/c/${category.slug}`, product: `/p/${product.slug}` };
}

function serveBarePage(): Promise<Server> {
  return new Promise((resolve) => {
    const server = createServer((_request, response) => {
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(BARE_PAGE);
    });
    server.listen(0, "127.0.0.1", () => resolve(server));
  });
}

function meetsTargets(audit: Audit): boolean {
  return (
    CATEGORIES.every((category) => audit.scores[category] >= TARGETS.score) &&
    audit.lcpMs <= TARGETS.lcpMs &&
    audit.cls <= TARGETS.cls &&
    audit.jsKb <= TARGETS.firstLoadJsKb
  );
}

async function audit(url: string, port: number, throttlingMethod: Throttling): Promise<Audit> {
  const result = await lighthouse(url, { port, output: "json", logLevel: "error", throttlingMethod });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`Lighthouse could not audit ${url}: ${lhr.runtimeError.message}`);
  const numeric = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
  const details = lhr.audits["network-requests"]?.details as
    { items?: { resourceType?: string; transferSize?: number }[] } | undefined;
  const requests = details?.items;
  const jsBytes = (requests ?? [])
    .filter((request) => request.resourceType === "Script")
    .reduce((sum, request) => sum + (request.transferSize ?? 0), 0);
  return {
    scores: Object.fromEntries(
      CATEGORIES.map((category) => [category, Math.round((lhr.categories[category]?.score ?? 0) * 100)]),
    ) as Audit["scores"],
    lcpMs: Math.round(numeric("largest-contentful-paint")),
    cls: Math.round(numeric("cumulative-layout-shift") * 1000) / 1000,
    tbtMs: Math.round(numeric("total-blocking-time")),
    jsKb: Math.round(jsBytes / 102.4) / 10,
  };
}

/** Lighthouse varies run to run: the median of each figure over N runs, and the spread of the LCP estimate. */
async function medianAudit(
  url: string,
  port: number,
  runs: number,
  throttling: Throttling,
): Promise<Audit & { lcpRangeMs: [number, number] }> {
  const audits: Audit[] = [];
  for (let i = 0; i < runs; i++) audits.push(await audit(url, port, throttling));
  const median = (pick: (one: Audit) => number) =>
    percentile(
      audits.map(pick).sort((a, b) => a - b),
      50,
    );
  return {
    scores: Object.fromEntries(
      CATEGORIES.map((category) => [category, median((one) => one.scores[category])]),
    ) as Audit["scores"],
    lcpMs: median((one) => one.lcpMs),
    lcpRangeMs: [Math.min(...audits.map((one) => one.lcpMs)), Math.max(...audits.map((one) => one.lcpMs))],
    cls: median((one) => one.cls),
    tbtMs: median((one) => one.tbtMs),
    jsKb: median((one) => one.jsKb),
  };
}
