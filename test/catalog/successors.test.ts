import { strict as assert } from "node:assert";
import {
  catalogProblems,
  CustomModelSpec,
  customModelProblems,
  deploymentTypes,
  familyOf,
  findModel,
  lifecycleFindings,
  modelFormatOf,
  models,
  outputTokenWeightOf,
  ptuHourlyUsdFor,
  ptuSizingOf,
  successorOf,
  tokenPricesFor,
  versionStatus,
} from "../../components/catalog";

const today = new Date("2026-12-03T00:00:00Z");
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("successors", () => {
  it("records a replacement only where one exists, and every recorded one is explained by its basis", () => {
    for (const m of models) {
      for (const v of m.versions) {
        const r = v.replacement;
        if (!r) {
          continue;
        }
        assert.notEqual(r.value.model, m.name, `${m.name} ${v.version} replaces itself`);
        if (r.value.basis === "schedule") {
          assert.match(r.source.url, /model-retirement|model-retirements/);
        }
      }
    }
  });

  it("the catalog's own choices follow its stated rule: newer, retires later, fits the same deployment families", () => {
    const families = (name: string) => new Set(findModel(name)?.deploymentTypes.value.map(familyOf));
    for (const m of models) {
      for (const v of m.versions) {
        const r = v.replacement?.value;
        if (r?.basis !== "catalog") {
          continue;
        }
        const target = findModel(r.model);
        assert.ok(target, `${m.name}: the chosen successor ${r.model} is catalogued`);
        const tv = target.versions[target.versions.length - 1];
        assert.equal(tv.lifecycle.value, "GA", `${r.model} is GA`);
        assert.ok(
          (tv.retirementDate?.value ?? "9999") > (v.retirementDate?.value ?? ""),
          `${r.model} retires after ${m.name}`,
        );
        for (const f of families(m.name)) {
          assert.ok(families(r.model).has(f), `${r.model} offers the ${f} family ${m.name} has`);
        }
        // It retires last among the catalogued GA candidates of the same line that fit.
        const better = models.filter(
          (c) =>
            c.name !== r.model &&
            c.name.startsWith("gpt-5") === r.model.startsWith("gpt-5") &&
            c.name.endsWith("-mini") === r.model.endsWith("-mini") &&
            c.name.endsWith("-nano") === r.model.endsWith("-nano") &&
            [...families(m.name)].every((f) => families(c.name).has(f)) &&
            (c.versions[0].retirementDate?.value ?? "") > (tv.retirementDate?.value ?? "") &&
            c.versions[0].version > v.version,
        );
        assert.deepEqual(
          better.map((c) => c.name),
          [],
          `${m.name}: a later-retiring fit exists`,
        );
      }
    }
  });

  it("names gpt-5's successor and skips published replacements that buy no time", () => {
    assert.deepEqual(successorOf("gpt-5", "2025-08-07", today), {
      model: "gpt-5.4",
      version: "2026-03-05",
      basis: "catalog",
      catalogued: true,
      retirementDate: "2027-09-02",
    });
    // gpt-4.1 → gpt-5 (published, but retires 2027-02-09, before gpt-4.1's 2027-04-14) → gpt-5.4.
    assert.equal(successorOf("gpt-4.1", "2025-04-14", today)?.model, "gpt-5.4");
    // gpt-4o-mini → gpt-4.1-mini (same day) → gpt-5-mini (earlier) → gpt-5.4-mini.
    assert.equal(successorOf("gpt-4o-mini", "2024-07-18", today)?.model, "gpt-5.4-mini");
    // A published replacement the catalog does not hold ends the chain, marked as such.
    assert.deepEqual(successorOf("o3", "2025-04-16", today), {
      model: "gpt-5.6-sol",
      basis: "schedule",
      catalogued: false,
    });
    // Nothing newer retires later than gpt-5.4 and fits its shapes: no successor, never a guess.
    assert.equal(successorOf("gpt-5.4", "2026-03-05", today), undefined);
    assert.equal(successorOf("nope", "1", today), undefined);
  });

  it("skips a successor that has itself retired by the day judged", () => {
    // On 2027-10-01 gpt-5.4 (the choice for gpt-5.1) has retired; gpt-5.1 has none left.
    assert.equal(successorOf("gpt-5.1", "2025-11-13", day("2027-10-01")), undefined);
    assert.equal(successorOf("gpt-5.1", "2025-11-13", today)?.model, "gpt-5.4");
  });

  it("puts the successor into the status of retiring and retired versions", () => {
    const retired = versionStatus("gpt-5", "2025-08-07", day("2027-02-09"));
    assert.equal(retired.status, "retired");
    assert.equal(retired.status === "retired" ? retired.successor?.model : undefined, "gpt-5.4");
  });
});

describe("the gpt-5.x line deploys", () => {
  it("accepts gpt-5.1 and the longest-runway models on the shapes the stacks use", () => {
    const ok = (model: string, version: string, type: string, capacity: number) =>
      assert.deepEqual(catalogProblems({ model, version, type, capacity }, today), [], `${model} ${type}`);
    ok("gpt-5.1", "2025-11-13", "GlobalStandard", 10);
    ok("gpt-5.1", "2025-11-13", "Standard", 10);
    ok("gpt-5.4", "2026-03-05", "GlobalProvisionedManaged", 15);
    ok("gpt-5.4", "2026-03-05", "GlobalBatch", 100);
    ok("gpt-5.4-mini", "2026-03-17", "DataZoneBatch", 100);
    ok("gpt-5.5", "2026-04-24", "DataZoneStandard", 10);
    ok("DeepSeek-V3.2", "1", "GlobalStandard", 10);
  });

  it("warns, never silently passes, a provisioned size it cannot check", () => {
    const problems = catalogProblems(
      { model: "gpt-5.5", version: "2026-04-24", type: "GlobalProvisionedManaged", capacity: 15 },
      today,
    );
    assert.deepEqual(
      problems.map((p) => [p.severity, p.path.join(".")]),
      [["warning", "capacity"]],
    );
    assert.match(problems[0].message, /no PTU sizing is published .*not checked/);
  });

  it("knows the publisher formats of the models sold by Azure", () => {
    assert.equal(modelFormatOf("DeepSeek-V4-Pro"), "DeepSeek");
    assert.equal(modelFormatOf("Llama-4-Maverick-17B-128E-Instruct-FP8"), "Meta");
    assert.equal(modelFormatOf("Mistral-Large-3"), "Mistral AI");
    assert.equal(modelFormatOf("grok-4"), "xAI");
    assert.equal(modelFormatOf("gpt-oss-120b"), "OpenAI-OSS");
  });

  it("reads prices and PTU facts through lookups, with their sources", () => {
    const p = tokenPricesFor("gpt-5.4", "GlobalStandard");
    assert.deepEqual(p?.value, { input: 2.5, cachedInput: 0.25, output: 15.0 });
    assert.match(p?.source.url ?? "", /prices\.azure\.com/);
    assert.equal(tokenPricesFor("gpt-5.4", "Standard"), undefined, "not offered, not priced");
    assert.equal(ptuHourlyUsdFor("gpt-5.4", "GlobalProvisionedManaged")?.value, 1.0);
    assert.equal(ptuHourlyUsdFor("gpt-5.4", "GlobalStandard"), undefined);
    assert.equal(outputTokenWeightOf("gpt-5.1"), 8);
    assert.equal(outputTokenWeightOf("gpt-5.4-mini"), undefined, "not published");
  });
});

const custom: CustomModelSpec[] = [
  {
    name: "contoso-ft-chat",
    format: "OpenAI",
    versions: ["1"],
    deploymentTypes: ["GlobalStandard", "GlobalProvisionedManaged"],
    ptu: { GlobalProvisionedManaged: { min: 20, step: 10 } },
    retirementDate: "2027-01-15",
    source: "https://example.invalid/contoso-ft",
  },
];

describe("custom models", () => {
  it("plan with an advisory warning, checked against their declaration", () => {
    const spec = { model: "contoso-ft-chat", version: "1", type: "GlobalProvisionedManaged", capacity: 30 };
    const problems = catalogProblems(spec, today, custom);
    assert.deepEqual(
      problems.map((p) => [p.severity, p.path.join(".")]),
      [["warning", "model"]],
    );
    assert.match(problems[0].message, /custom model \(format OpenAI\).*declared in customModels/);
    assert.equal(modelFormatOf("contoso-ft-chat", custom), "OpenAI");
    assert.deepEqual(ptuSizingOf("contoso-ft-chat", "GlobalProvisionedManaged", custom), {
      min: 20,
      step: 10,
    });
  });

  it("refuse what the declaration does not allow", () => {
    const errors = (spec: Parameters<typeof catalogProblems>[0]) =>
      catalogProblems(spec, today, custom)
        .filter((p) => p.severity === "error")
        .map((p) => `${p.path.join(".")}: ${p.message}`);
    assert.deepEqual(
      errors({ model: "contoso-ft-chat", version: "2", type: "GlobalStandard", capacity: 1 }),
      ["version: not a declared version of custom model contoso-ft-chat; declared: 1"],
    );
    assert.match(
      errors({ model: "contoso-ft-chat", version: "1", type: "DataZoneStandard", capacity: 1 })[0],
      /^type: custom model contoso-ft-chat is declared for GlobalStandard, GlobalProvisionedManaged only/,
    );
    assert.match(
      errors({ model: "contoso-ft-chat", version: "1", type: "GlobalProvisionedManaged", capacity: 25 })[0],
      /^capacity: .*steps of 10 from 20.*nearest: 20 or 30/,
    );
    // Undeclared: an error that says how to declare it.
    assert.match(
      errors({ model: "contoso-other", version: "1", type: "GlobalStandard", capacity: 1 })[0],
      /^model: not a model in the catalog.*declare it under customModels/,
    );
  });

  it("declarations are checked: catalog names, duplicates, PTU sizing for provisioned types", () => {
    const problems = customModelProblems([
      { name: "gpt-5.4", format: "OpenAI", deploymentTypes: ["GlobalStandard"] },
      { name: "x", format: "Meta", deploymentTypes: ["GlobalProvisionedManaged"] },
      {
        name: "x",
        format: "Meta",
        deploymentTypes: ["GlobalStandard"],
        ptu: { ProvisionedManaged: { min: 0, step: 5 } },
      },
      { name: "y", format: "Meta", deploymentTypes: [], retirementDate: "2027-13-01" },
    ]).map((p) => `${p.path.join(".")}: ${p.message}`);
    assert.deepEqual(problems, [
      "0.name: is a model in the catalog already; deploy it directly (a version the catalog lacks needs a catalog update)",
      "1.ptu.GlobalProvisionedManaged: required: GlobalProvisionedManaged is listed, so give its PTU sizing { min, step } from the publisher",
      "2.name: declared twice; customModels[1] already declares it",
      "2.ptu.ProvisionedManaged: ProvisionedManaged is not in deploymentTypes; add it there or remove this sizing",
      "2.ptu.ProvisionedManaged.min: must be a whole number of PTUs, at least 1",
      `3.deploymentTypes: list at least one deployment type; known: ${deploymentTypes.join(", ")}`,
      "3.retirementDate: must be a date YYYY-MM-DD",
    ]);
  });
});

describe("lifecycle findings", () => {
  const deployments = [
    { account: "main", deployment: "chat", model: "gpt-5", version: "2025-08-07" },
    { account: "main", deployment: "chat", model: "gpt-5", version: "2025-08-07" },
    { account: "main", deployment: "old", model: "o4-mini", version: "2025-04-16" },
    { account: "main", deployment: "new", model: "gpt-5.4", version: "2026-03-05" },
    { account: "main", deployment: "ft", model: "contoso-ft-chat", version: "1" },
    { account: "main", deployment: "mystery", model: "contoso-llm", version: "1" },
    { account: "main", deployment: "default", model: "gpt-5" },
  ];

  it("lists each deployment once, most urgent first, with its successor", () => {
    const findings = lifecycleFindings(deployments, today, 90, custom);
    assert.deepEqual(
      findings.map((f) => [f.kind, f.deployment, f.successor?.model ?? null]),
      [
        ["retired", "old", "gpt-5.4-mini"],
        ["retiring", "ft", null],
        ["retiring", "chat", "gpt-5.4"],
        ["unknown", "mystery", null],
      ],
    );
    assert.match(
      findings[2].message,
      /^gpt-5 2025-08-07 retires on 2027-02-09, in 68 days; successor: gpt-5\.4 2026-03-05/,
    );
    assert.match(
      findings[1].message,
      /custom model\) retires on 2027-01-15, in 43 days, as declared in customModels/,
    );
  });

  it("depends on the day given, not the clock", () => {
    assert.deepEqual(lifecycleFindings(deployments.slice(0, 1), day("2026-09-01"), 90), []);
    assert.equal(lifecycleFindings(deployments.slice(0, 1), day("2027-02-09"), 90)[0].kind, "retired");
  });
});
