import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import {
  changedKeys,
  diffMarkdown,
  diffPlans,
  diffText,
  PlanDocument,
  readBaseDocument,
} from "../../cli/report/diff";

const urn = (name: string, type = "azure-native:cognitiveservices:Deployment") =>
  `urn:pulumi:prod::p::${type}::${name}`;
const resource = (name: string, inputs: Record<string, unknown>, protect = false) => ({
  urn: urn(name),
  type: "azure-native:cognitiveservices:Deployment",
  inputs,
  options: { protect },
});
const violation = (policy: string, name: string, message: string) => ({
  policy,
  enforcementLevel: "mandatory",
  message,
  urn: urn(name),
});

const base: PlanDocument = {
  stack: "prod",
  resources: [
    resource("kept", { sku: { name: "GlobalStandard", capacity: 10 }, tags: { a: "1" } }),
    resource("ptu", { sku: { name: "GlobalProvisionedManaged", capacity: 15 } }, true),
    resource("gone", { sku: { name: "GlobalStandard", capacity: 1 } }),
  ],
  violations: [violation("cost-stack-ptu-total", "ptu", "too many"), violation("kept-rule", "kept", "still")],
  cost: {
    monthlyUsd: 4100,
    items: [
      { urn: urn("ptu"), monthlyUsd: 3900 },
      { urn: urn("kept"), monthlyUsd: 150 },
      { urn: urn("gone"), monthlyUsd: 50 },
    ],
    unpriced: [],
  },
};
const current: PlanDocument = {
  stack: "prod",
  resources: [
    resource("kept", { sku: { name: "GlobalStandard", capacity: 20 }, tags: { a: "1" } }),
    resource("ptu", { sku: { name: "GlobalProvisionedManaged", capacity: 20 } }, false),
    resource("new", { sku: { name: "GlobalStandard", capacity: 5 } }),
  ],
  violations: [
    violation("kept-rule", "kept", "still"),
    violation("cost-deployment-ptu-protected", "ptu", "not protected"),
  ],
  cost: {
    monthlyUsd: 5500,
    items: [
      { urn: urn("ptu"), monthlyUsd: 5200 },
      { urn: urn("kept"), monthlyUsd: 300 },
    ],
    unpriced: [{ urn: urn("new") }],
  },
};

describe("plan --compare: the diff of two plan documents", () => {
  const d = diffPlans(base, current, "base.json");

  it("lists added, changed (with the changed input and option keys) and removed resources", () => {
    assert.deepEqual(d.resources.added, [
      { urn: urn("new"), type: "azure-native:cognitiveservices:Deployment" },
    ]);
    assert.deepEqual(d.resources.removed, [
      { urn: urn("gone"), type: "azure-native:cognitiveservices:Deployment" },
    ]);
    assert.deepEqual(
      d.resources.changed.map((c) => [c.urn, c.keys]),
      [
        [urn("kept"), ["sku.capacity"]],
        [urn("ptu"), ["sku.capacity", "options.protect"]],
      ],
    );
    assert.deepEqual(changedKeys({ a: { b: [1] }, c: 1 }, { a: { b: [2] }, d: 1 }), ["a.b", "c", "d"]);
  });

  it("lists new and fixed violations", () => {
    assert.deepEqual(
      d.violations.new.map((v) => v.policy),
      ["cost-deployment-ptu-protected"],
    );
    assert.deepEqual(
      d.violations.fixed.map((v) => v.policy),
      ["cost-stack-ptu-total"],
    );
  });

  it("gives the cost delta per item, largest first, and in total; unpriced sides have no delta", () => {
    assert.equal(d.cost.deltaUsd, 1400);
    assert.deepEqual(
      d.cost.items.map((i) => [i.urn, i.baseState, i.state, i.deltaUsd]),
      [
        [urn("new"), "none", "unpriced", null],
        [urn("ptu"), "priced", "priced", 1300],
        [urn("kept"), "priced", "priced", 150],
        [urn("gone"), "priced", "none", -50],
      ],
    );
  });

  it("says so when the base has no cost section, rather than inventing a delta", () => {
    const old = diffPlans({ ...base, cost: undefined }, current, "old.json");
    assert.equal(old.cost.baseMonthlyUsd, null);
    assert.equal(old.cost.deltaUsd, null);
    assert.equal(old.cost.items.find((i) => i.urn === urn("ptu"))?.deltaUsd, null);
    assert.match(diffText(old)[0], /the base has no cost section/);
  });

  it("renders text and markdown with the headline first", () => {
    const text = diffText(d);
    assert.match(
      text[0],
      /^Changes against base\.json \(stack 'prod'\): 1 added, 2 changed, 1 removed; 1 new and 1 fixed violations; cost \$4,100\.00 → \$5,500\.00 a month \(\+\$1,400\.00\)$/,
    );
    assert.ok(
      text.includes("  ~ ptu (azure-native:cognitiveservices:Deployment): sku.capacity, options.protect"),
    );
    const md = diffMarkdown(d).join("\n");
    assert.match(md, /^#### Changes against `base\.json`/);
    assert.match(
      md,
      /\| ✏️ \| `ptu` \| `azure-native:cognitiveservices:Deployment` \| `sku\.capacity`, `options\.protect` \|/,
    );
    assert.match(md, /\| 🆕 new \| mandatory \| `cost-deployment-ptu-protected` \|/);
    assert.match(md, /\| `ptu` \| \$3,900\.00 \| \$5,200\.00 \| \+\$1,300\.00 \|/);
    assert.match(md, /\| \*\*Total\*\* \| \$4,100\.00 \| \$5,500\.00 \| \*\*\+\$1,400\.00\*\* \|/);
  });

  it("refuses a base that is not a plan document, naming the file and what is wrong", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fp-diff-"));
    const file = path.join(dir, "base.json");
    fs.writeFileSync(file, JSON.stringify({ stack: "prod", resources: [{ urn: 1 }], violations: [] }));
    assert.throws(
      () => readBaseDocument(file),
      /--compare .*base\.json: not a 'plan --json' document: 'resources' is not a list/,
    );
    fs.writeFileSync(file, "{");
    assert.throws(() => readBaseDocument(file), /not JSON/);
    assert.throws(() => readBaseDocument(path.join(dir, "missing.json")), /cannot read the file/);
  });
});
