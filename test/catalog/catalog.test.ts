import { strict as assert } from "node:assert";
import {
  activeVersions,
  catalogProblems,
  CatalogDeploymentSpec,
  deploymentTypes,
  findModel,
  findVersion,
  isProvisioned,
  modelNames,
  models,
  ptuSizeProblem,
  ptuSizing,
  Source,
  versionStatus,
} from "../../components/catalog";

/** 2026-12-03: gpt-5 serves (until 2027-02-09), o3 and o4-mini have retired, the gpt-4.1 series is Legacy. */
const onDay = new Date("2026-12-03T00:00:00Z");
/** A day on which the gpt-5.x line serves, none of it within 90 days of retiring. */
const early = new Date("2026-09-01T00:00:00Z");

const required = [
  "gpt-5.1",
  "gpt-5.2",
  "gpt-5.4",
  "gpt-5.4-mini",
  "gpt-5.4-nano",
  "gpt-5.5",
  "o3-pro",
  "DeepSeek-V3.2",
  "Llama-4-Maverick-17B-128E-Instruct-FP8",
  "Mistral-Large-3",
  "grok-4",
  "gpt-oss-120b",
  "gpt-5",
  "gpt-5-mini",
  "gpt-5-nano",
  "gpt-4.1",
  "gpt-4.1-mini",
  "gpt-4.1-nano",
  "gpt-4o",
  "gpt-4o-mini",
  "o3",
  "o4-mini",
  "text-embedding-3-large",
  "text-embedding-3-small",
  "model-router",
];

/** Every `source` object anywhere in a value. */
function sourcesIn(value: unknown, out: Source[] = []): Source[] {
  if (value && typeof value === "object") {
    const record = value as Record<string, unknown>;
    if (typeof record.url === "string" && typeof record.asOf === "string") {
      out.push(record as unknown as Source);
      return out;
    }
    for (const v of Object.values(record)) {
      sourcesIn(v, out);
    }
  }
  return out;
}

describe("model catalog data", () => {
  it("holds every model the platform needs, once", () => {
    for (const name of required) {
      assert.ok(findModel(name), `${name} is missing`);
    }
    assert.equal(new Set(models.map((m) => m.name)).size, models.length);
    assert.deepEqual(modelNames(), [...modelNames()].sort());
  });

  it("sources every value with a URL and an ISO date", () => {
    for (const m of models) {
      const sources = sourcesIn(m);
      assert.ok(sources.length >= 3, `${m.name} has too few sourced values`);
      for (const s of sources) {
        assert.match(s.url, /^https:\/\//, `${m.name}: ${s.url}`);
        assert.match(s.asOf, /^\d{4}-\d{2}-\d{2}$/, `${m.name}: ${s.asOf}`);
        assert.ok(!Number.isNaN(Date.parse(s.asOf)));
      }
      // A value without its source would show up as a bare leaf next to `value`; every Sourced has both.
      for (const v of m.versions) {
        assert.ok(v.lifecycle.source && v.lifecycle.value);
        assert.ok(!v.retirementDate || /^\d{4}-\d{2}-\d{2}$/.test(v.retirementDate.value));
      }
    }
  });

  it("keeps PTU sizes, prices and hourly rates to the deployment types a model is offered on", () => {
    for (const m of models) {
      const offered = m.deploymentTypes.value;
      for (const t of offered) {
        assert.ok((deploymentTypes as readonly string[]).includes(t), `${m.name}: ${t}`);
      }
      for (const [type, sizing] of Object.entries(m.ptu ?? {})) {
        assert.ok(
          offered.includes(type as never),
          `${m.name} has PTU sizing for ${type} it is not offered on`,
        );
        assert.ok(sizing.value.min > 0 && sizing.value.step > 0);
        assert.equal(sizing.value.min % sizing.value.step, 0, `${m.name} ${type}: min off its own step`);
      }
      for (const type of Object.keys(m.prices ?? {})) {
        assert.ok(offered.includes(type as never), `${m.name} is priced for ${type} it is not offered on`);
      }
      for (const type of Object.keys(m.ptuHourlyUsd ?? {})) {
        assert.ok(offered.includes(type as never), `${m.name} has a PTU rate for ${type}`);
      }
      // PTU sizing, where published, covers every provisioned type offered, with the output-token
      // weight next to it (gpt-5.4-mini and gpt-5.5 are offered provisioned without published sizing).
      const provisioned = offered.filter((t) => isProvisioned(t));
      if (m.ptu) {
        assert.deepEqual(Object.keys(m.ptu).sort(), [...provisioned].sort(), m.name);
        assert.ok(m.outputTokenWeight, `${m.name} lacks the output-token weight`);
      }
    }
  });

  it("records the published PTU table (Learn, 2026-04-07)", () => {
    assert.deepEqual(ptuSizing("gpt-5", "GlobalProvisionedManaged"), {
      min: 15,
      step: 5,
      inputTpmPerPtu: 4750,
    });
    assert.deepEqual(ptuSizing("gpt-5-mini", "ProvisionedManaged"), {
      min: 25,
      step: 25,
      inputTpmPerPtu: 23750,
    });
    assert.deepEqual(ptuSizing("gpt-4.1", "ProvisionedManaged"), { min: 50, step: 50, inputTpmPerPtu: 3000 });
    assert.deepEqual(ptuSizing("gpt-4o-mini", "DataZoneProvisionedManaged"), {
      min: 15,
      step: 5,
      inputTpmPerPtu: 37000,
    });
    assert.equal(findModel("gpt-5")?.outputTokenWeight?.value, 8);
    assert.equal(findModel("gpt-5.4")?.outputTokenWeight?.value, 6);
    assert.deepEqual(ptuSizing("gpt-5.4", "GlobalProvisionedManaged"), {
      min: 15,
      step: 5,
      inputTpmPerPtu: 2400,
    });
    assert.deepEqual(ptuSizing("gpt-5.2", "ProvisionedManaged"), { min: 50, step: 50, inputTpmPerPtu: 3400 });
    assert.equal(
      ptuSizing("gpt-5.5", "GlobalProvisionedManaged"),
      undefined,
      "offered, sizing not published",
    );
    assert.equal(findModel("gpt-4.1")?.outputTokenWeight?.value, 4);
    assert.equal(
      ptuSizing("gpt-5-nano", "GlobalProvisionedManaged"),
      undefined,
      "gpt-5-nano has no PTU offer",
    );
    assert.equal(ptuSizing("gpt-5", "GlobalStandard"), undefined, "not a provisioned type");
  });
});

describe("catalog lookups", () => {
  it("finds versions and their lifecycle", () => {
    assert.equal(findVersion("gpt-4.1", "2025-04-14")?.retirementDate?.value, "2027-04-14");
    assert.equal(findVersion("gpt-4.1", "2025-04-14")?.lifecycle.value, "Legacy");
    assert.equal(findVersion("gpt-4.1", "2024-01-01"), undefined);
    assert.equal(findVersion("nope", "1"), undefined);
  });

  it("judges a version on the date it is given, not on the clock", () => {
    assert.deepEqual(versionStatus("nope", "1", onDay), { status: "unknown-model" });
    assert.deepEqual(versionStatus("gpt-5", "1", onDay), {
      status: "unknown-version",
      known: ["2025-08-07"],
    });
    const gpt54 = {
      model: "gpt-5.4",
      version: "2026-03-05",
      basis: "catalog",
      catalogued: true,
      retirementDate: "2027-09-02",
    };
    assert.deepEqual(versionStatus("o4-mini", "2025-04-16", onDay), {
      status: "retired",
      retirementDate: "2026-10-16",
      successor: { ...gpt54, model: "gpt-5.4-mini", version: "2026-03-17", retirementDate: "2027-09-21" },
    });
    assert.deepEqual(versionStatus("o4-mini", "2025-04-16", early), {
      status: "active",
      lifecycle: "GA",
      retirementDate: "2026-10-16",
      daysToRetirement: 45,
      deprecated: true,
      successor: { ...gpt54, model: "gpt-5.4-mini", version: "2026-03-17", retirementDate: "2027-09-21" },
    });
    assert.deepEqual(versionStatus("gpt-5", "2025-08-07", onDay), {
      status: "active",
      lifecycle: "GA",
      retirementDate: "2027-02-09",
      daysToRetirement: 68,
      successor: gpt54,
    });
    // Serves through the day before its retirement date; retired from 00:00 UTC on it.
    assert.deepEqual(versionStatus("gpt-5", "2025-08-07", new Date("2027-02-08T23:59:59Z")), {
      status: "active",
      lifecycle: "GA",
      retirementDate: "2027-02-09",
      daysToRetirement: 0,
      successor: gpt54,
    });
    assert.equal(versionStatus("gpt-5", "2025-08-07", new Date("2027-02-09T00:00:00Z")).status, "retired");
  });

  it("lists the versions still serving", () => {
    assert.deepEqual(activeVersions("model-router", onDay), ["2025-11-18"]);
    assert.deepEqual(activeVersions("model-router", new Date("2026-08-01T00:00:00Z")), [
      "2025-05-19",
      "2025-08-07",
      "2025-11-18",
    ]);
    assert.deepEqual(activeVersions("gpt-4o", onDay), ["2024-08-06", "2024-11-20"]);
    assert.deepEqual(activeVersions("gpt-4o", new Date("2027-04-14T00:00:00Z")), []);
  });

  it("places a PTU count on the size grid", () => {
    const grid = { min: 15, step: 5 };
    assert.equal(ptuSizeProblem(15, grid), undefined);
    assert.equal(ptuSizeProblem(40, grid), undefined);
    assert.match(ptuSizeProblem(10, grid) ?? "", /below the minimum of 15 PTUs; allowed: 15, 20, 25/);
    assert.match(ptuSizeProblem(17, grid) ?? "", /not a deployable size; .*nearest: 15 or 20/);
    assert.match(ptuSizeProblem(75, { min: 50, step: 50 }) ?? "", /nearest: 50 or 100/);
  });
});

interface Case {
  readonly what: string;
  readonly spec: CatalogDeploymentSpec;
  readonly on?: Date;
  /** Expected problems as `severity path: message pattern`. */
  readonly expect: readonly { readonly path: string; readonly message: RegExp; readonly severity?: string }[];
}

const gpt5 = { model: "gpt-5", version: "2025-08-07", type: "GlobalStandard", capacity: 10 };
const router = { model: "model-router", version: "2025-11-18", type: "GlobalStandard", capacity: 10 };

const cases: Case[] = [
  { what: "a valid standard deployment", spec: gpt5, expect: [] },
  {
    what: "a valid provisioned deployment",
    spec: { ...gpt5, type: "GlobalProvisionedManaged", capacity: 20 },
    expect: [],
  },
  {
    what: "no version (Azure's default), model still serving",
    spec: { ...gpt5, version: undefined },
    expect: [],
  },
  {
    what: "unknown model",
    spec: { ...gpt5, model: "gpt-9" },
    expect: [
      {
        path: "model",
        message:
          /^not a model in the catalog; known: DeepSeek-V3\.2, .*text-embedding-3-small\. To deploy a model the catalog does not hold .*declare it under customModels/,
      },
    ],
  },
  {
    what: "unknown version",
    spec: { ...gpt5, model: "gpt-4.1", version: "2024-01-01" },
    expect: [{ path: "version", message: /^not a known version of gpt-4\.1; known: 2025-04-14$/ }],
  },
  {
    what: "retired version (a warning: the policy pack blocks it), naming the successor",
    spec: { ...gpt5, model: "o4-mini", version: "2025-04-16" },
    on: onDay,
    expect: [
      {
        path: "version",
        severity: "warning",
        message:
          /^o4-mini version 2025-04-16 retired on 2026-10-16 and no longer serves; move to gpt-5\.4-mini 2026-03-17 \(serves until 2027-09-21; the catalog's choice, no replacement is published\)$/,
      },
    ],
  },
  {
    what: "retired version whose published replacement the catalog does not hold yet",
    spec: { ...gpt5, model: "o3", version: "2025-04-16" },
    on: onDay,
    expect: [
      {
        path: "version",
        severity: "warning",
        message:
          /retired on 2026-10-21 and no longer serves; move to gpt-5\.6-sol \(not in the catalog; Microsoft's published replacement\)$/,
      },
    ],
  },
  {
    what: "retired version of a model with a newer one",
    spec: { ...router, version: "2025-05-19" },
    expect: [
      { path: "version", severity: "warning", message: /retired on 2026-08-30 .*; use one of: 2025-11-18$/ },
    ],
  },
  {
    what: "no version, every version retired",
    spec: { ...gpt5, model: "gpt-4o", version: undefined },
    on: new Date("2027-05-01T00:00:00Z"),
    expect: [
      {
        path: "model",
        severity: "warning",
        message: /every catalog version of gpt-4o has retired \(the last on 2027-04-14\)/,
      },
    ],
  },
  {
    what: "deprecated version (warning only)",
    spec: { ...gpt5, model: "o4-mini", version: "2025-04-16" },
    expect: [
      {
        path: "version",
        severity: "warning",
        message:
          /is deprecated: only subscriptions that already deploy it.*; successor: gpt-5\.4-mini 2026-03-17/,
      },
    ],
  },
  {
    what: "Legacy version (warning only), naming the successor past the published one",
    spec: { ...gpt5, model: "gpt-4.1", version: "2025-04-14" },
    on: onDay,
    expect: [
      {
        path: "version",
        severity: "warning",
        // Published: gpt-5, which retires before gpt-4.1 does; its successor gpt-5.4 buys time.
        message:
          /^gpt-4\.1 version 2025-04-14 is Legacy: newer models exist and it retires on 2027-04-14; successor: gpt-5\.4 2026-03-05/,
      },
    ],
  },
  {
    what: "retirement within 90 days (warning only)",
    spec: gpt5,
    on: onDay,
    expect: [
      {
        path: "version",
        severity: "warning",
        message:
          /retires on 2027-02-09 \(in 68 days\); successor: gpt-5\.4 2026-03-05 \(serves until 2027-09-02;/,
      },
    ],
  },
  {
    what: "type not offered",
    spec: { ...gpt5, model: "gpt-5-nano", type: "GlobalProvisionedManaged", capacity: 15 },
    expect: [
      {
        path: "type",
        message:
          /^gpt-5-nano is not offered as GlobalProvisionedManaged; offered: GlobalStandard, DataZoneStandard$/,
      },
    ],
  },
  {
    what: "not a deployment type at all",
    spec: { ...gpt5, type: "Premium" },
    expect: [{ path: "type", message: /^not a deployment type; known: Standard, GlobalStandard/ }],
  },
  {
    what: "PTU capacity below the minimum",
    spec: { ...gpt5, type: "GlobalProvisionedManaged", capacity: 10 },
    expect: [
      { path: "capacity", message: /^gpt-5 as GlobalProvisionedManaged: below the minimum of 15 PTUs/ },
    ],
  },
  {
    what: "PTU capacity off the step",
    spec: { ...gpt5, type: "GlobalProvisionedManaged", capacity: 22 },
    expect: [
      { path: "capacity", message: /not a deployable size; .*steps of 5 from 15.*nearest: 20 or 25$/ },
    ],
  },
  {
    what: "regional PTU capacity on the global grid but not the regional one",
    spec: { ...gpt5, type: "ProvisionedManaged", capacity: 15 },
    expect: [{ path: "capacity", message: /below the minimum of 50 PTUs/ }],
  },
  {
    what: "routing on a model that is not the router",
    spec: { ...gpt5, routing: { mode: "cost" } },
    expect: [{ path: "routing", message: /^only model-router deployments take routing settings/ }],
  },
  {
    what: "routing without a router version",
    spec: { ...router, version: undefined, routing: { mode: "cost" } },
    expect: [
      { path: "version", message: /set the model-router version: routing settings need .*\(2025-11-18\)/ },
    ],
  },
  {
    what: "routing on a router version that takes none",
    spec: { ...router, version: "2025-08-07", routing: { mode: "cost" } },
    on: new Date("2026-05-01T00:00:00Z"),
    expect: [
      {
        path: "routing",
        message: /model-router version 2025-08-07 takes no routing settings; use version 2025-11-18/,
      },
    ],
  },
  {
    what: "unknown routing mode",
    spec: { ...router, routing: { mode: "fastest" } },
    expect: [{ path: "routing.mode", message: /^not a routing mode; allowed: balanced \| cost \| quality$/ }],
  },
  {
    what: "subset model the router does not route to",
    spec: {
      ...router,
      routing: {
        models: [
          { model: "gpt-5", version: "2025-08-07" },
          { model: "o3", version: "2025-04-16" },
        ],
      },
    },
    expect: [
      {
        path: "routing.models.1",
        message: /^not a model model-router 2025-11-18 routes to; allowed: gpt-4o 2024-11-20, /,
      },
    ],
  },
  {
    what: "subset model that retired (a warning)",
    spec: { ...router, routing: { models: [{ model: "o4-mini", version: "2025-04-16" }] } },
    on: onDay,
    expect: [
      {
        path: "routing.models.0",
        severity: "warning",
        message:
          /^o4-mini version 2025-04-16 retired on 2026-10-16; remove it from the subset; successor: gpt-5\.4-mini/,
      },
    ],
  },
  {
    what: "empty subset",
    spec: { ...router, routing: { models: [] } },
    expect: [{ path: "routing.models", message: /^an empty model subset routes nowhere/ }],
  },
  {
    what: "router on a type it is not offered on",
    spec: { ...router, type: "GlobalBatch" },
    expect: [
      {
        path: "type",
        message: /model-router is not offered as GlobalBatch; offered: GlobalStandard, DataZoneStandard/,
      },
    ],
  },
];

describe("catalogProblems (each way to be wrong has its own message)", () => {
  for (const c of cases) {
    it(c.what, () => {
      const problems = catalogProblems(c.spec, c.on ?? early).map((p) => ({
        path: p.path.join("."),
        message: p.message,
        severity: p.severity,
      }));
      assert.equal(problems.length, c.expect.length, JSON.stringify(problems, null, 2));
      c.expect.forEach((e, i) => {
        assert.equal(problems[i].path, e.path);
        assert.equal(problems[i].severity, e.severity ?? "error");
        assert.match(problems[i].message, e.message);
      });
    });
  }

  it("reports every problem of one deployment at once", () => {
    const problems = catalogProblems(
      { model: "o3", version: "2025-04-16", type: "GlobalProvisionedManaged", capacity: 12 },
      onDay,
    );
    assert.deepEqual(
      problems.map((p) => p.path.join(".")),
      ["version", "capacity"],
    );
  });
});
