import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { main } from "../../cli/main";
import { svgChart, textChart } from "../../cli/size/chart";
import { readProfile, resolveProfile } from "../../cli/size/profile";
import { sizePtu } from "../../components/cost/planner";
import { root } from "../helpers/cli";

const week = path.join(root, "test", "fixtures", "size", "gpt-5-week.json");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fp-size-"));
function file(name: string, content: unknown): string {
  const f = path.join(dir, name);
  fs.writeFileSync(f, typeof content === "string" ? content : JSON.stringify(content));
  return f;
}

/** Runs the tool in this process and captures what it prints. */
async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const [write, writeErr] = [process.stdout.write, process.stderr.write];
  process.stdout.write = ((chunk: string, cb?: () => void) => (
    out.push(chunk),
    cb?.(),
    true
  )) as typeof write;
  process.stderr.write = ((chunk: string) => (err.push(chunk), true)) as typeof writeErr;
  try {
    const code = await main(args);
    return { code, stdout: out.join(""), stderr: err.join("") };
  } finally {
    process.stdout.write = write;
    process.stderr.write = writeErr;
  }
}

/**
 * Browser code (as text: the tests' typings have no DOM): loads the SVG as an image, as a person
 * opening the file would, draws it on a canvas and counts the pixels of the chart's colours.
 */
const countColours = `async (source) => {
  const img = new Image();
  img.src = "data:image/svg+xml;base64," + btoa(unescape(encodeURIComponent(source)));
  await img.decode();
  const canvas = document.createElement("canvas");
  canvas.width = img.naturalWidth;
  canvas.height = img.naturalHeight;
  const ctx = canvas.getContext("2d");
  ctx.drawImage(img, 0, 0);
  const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
  const near = (i, rgb) => rgb.every((c, k) => Math.abs(data[i + k] - c) < 12);
  const found = { width: img.naturalWidth, height: img.naturalHeight, demand: 0, spilled: 0, capacity: 0 };
  for (let i = 0; i < data.length; i += 4) {
    if (near(i, [0x93, 0xc5, 0xfd])) found.demand++;
    if (near(i, [0xfb, 0x92, 0x3c])) found.spilled++;
    if (near(i, [0xb9, 0x1c, 0x1c])) found.capacity++;
  }
  return found;
}`;

describe("size: the PTU capacity planner tool", () => {
  it("prints exactly the sizing fields with --json, consistent with the table", async () => {
    const json = await run(["size", "--profile", week, "--json"]);
    assert.equal(json.code, 0, json.stderr);
    const doc = JSON.parse(json.stdout) as Record<string, unknown>;
    assert.deepEqual(Object.keys(doc), [
      "ptu",
      "monthlyUsd",
      "ptuMonthlyUsd",
      "spilloverMonthlyUsd",
      "spillFraction",
      "baselines",
    ]);
    assert.deepEqual(Object.keys(doc.baselines as object), ["allPayg", "peakPtu"]);
    const r = sizePtu(resolveProfile(readProfile(week), week));
    assert.equal(doc.ptu, r.ptu);
    assert.ok(Math.abs((doc.monthlyUsd as number) - r.monthlyUsd) < 0.006);
    const text = await run(["size", "--profile", week]);
    assert.match(text.stdout, new RegExp(`best \\(reservation\\)\\s+${r.ptu}\\s`));
    assert.match(text.stdout, /PTUs for the peak\s+\d+/);
    assert.match(text.stdout, /█ served by \d+ PTU/);
  });

  it("exits 2 naming each bad field of a profile, and never prints a stack trace", async () => {
    const bad = file("bad.json", {
      model: "gpt-5",
      deploymentType: "GlobalStandard",
      pricing: "monthly",
      hours: [{ inputTokensPerMinute: -5, outputTokensPerMinute: 1 }],
      extra: true,
    });
    const r = await run(["size", "--profile", bad]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /deploymentType \(got "GlobalStandard"\): must be a provisioned type/);
    assert.match(r.stderr, /hours\[0\]\.inputTokensPerMinute \(got -5\)/);
    assert.match(r.stderr, /pricing \(got "monthly"\)/);
    assert.match(r.stderr, /extra/);
    assert.doesNotMatch(r.stderr, /^\s+at .+:\d+:\d+\)?$/m);
    const missing = await run(["size", "--profile", path.join(dir, "nope.json")]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot read the file/);
    assert.equal((await run(["size"])).code, 2);
  });

  it("names the catalog value a profile must give when the catalog lacks it, and takes overrides", () => {
    const unknown = file("unknown.json", {
      model: "my-model",
      deploymentType: "GlobalProvisionedManaged",
      pricing: "hourly",
      hours: [{ inputTokensPerMinute: 1000, outputTokensPerMinute: 100 }],
    });
    assert.throws(
      () => resolveProfile(readProfile(unknown), unknown),
      /ptu\.min: the catalog has no minimum PTU deployment for my-model/,
    );
    const overridden = file("overridden.json", {
      ...JSON.parse(fs.readFileSync(unknown, "utf8")),
      ptu: { min: 10, step: 10, inputTpmPerPtu: 1000, outputWeight: 4 },
      prices: { ptuHourlyUsd: 2, paygInputPer1M: 1, paygOutputPer1M: 4 },
    });
    const input = resolveProfile(readProfile(overridden), overridden);
    assert.deepEqual(
      [input.min, input.step, input.inputTpmPerPtu, input.outputWeight, input.ptuHourlyUsd],
      [10, 10, 1000, 4, 2],
    );
  });

  it("draws the text chart with the capacity and the spilled part", () => {
    const input = resolveProfile(readProfile(week), week);
    const lines = textChart(input, 15);
    assert.ok(
      lines.some((l) => l.includes("░")),
      "spilled cells",
    );
    assert.ok(
      lines.some((l) => l.includes("█")),
      "served cells",
    );
    assert.ok(lines.every((l) => l.length < 120));
  });

  it("writes an SVG that headless Chromium renders: demand, spilled area and capacity line", async function () {
    const chromium = "/usr/bin/chromium";
    if (!fs.existsSync(chromium)) {
      // .ci/run installs Chromium; only a machine without it skips this render check.
      this.skip();
    }
    this.timeout(30_000);
    const svgFile = path.join(dir, "chart.svg");
    const r = await run(["size", "--profile", week, "--svg", svgFile]);
    assert.equal(r.code, 0, r.stderr);
    const svg = fs.readFileSync(svgFile, "utf8");
    const input = resolveProfile(readProfile(week), week);
    assert.equal(svg, svgChart(input, sizePtu(input).ptu, /<title>(.*)<\/title>/.exec(svg)![1]));
    const { chromium: launcher } = await import("playwright-core");
    const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "fp-chromium-"));
    const browser = await launcher.launchPersistentContext(userDataDir, {
      executablePath: chromium,
      headless: true,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    try {
      const page = await browser.newPage();
      const counts = (await page.evaluate(`(${countColours})(${JSON.stringify(svg)})`)) as {
        width: number;
        height: number;
        demand: number;
        spilled: number;
        capacity: number;
      };
      assert.equal(counts.width, 960);
      assert.equal(counts.height, 420);
      assert.ok(counts.demand > 1000, `demand area drawn (${counts.demand} px)`);
      assert.ok(counts.spilled > 1000, `spilled area drawn (${counts.spilled} px)`);
      assert.ok(counts.capacity > 500, `capacity line drawn (${counts.capacity} px)`);
    } finally {
      await browser.close();
    }
  });
});
