import { strict as assert } from "node:assert";
import {
  aiDeploymentContentFilter as rule,
  filterWeaknesses,
} from "../../policies/rules/ai/deployment-content-filter";
import { judgeStack, StackResourceCase, unknown } from "../helpers/policy";

const urn = (type: string, name: string) => `urn:pulumi:prod::foundry-platform::${type}::${name}`;
const types = {
  account: "azure-native:cognitiveservices:Account",
  deployment: "azure-native:cognitiveservices:Deployment",
  policy: "azure-native:cognitiveservices:RaiPolicy",
  generic: "azure-native:resources:Resource",
};

type Filter = Record<string, unknown>;
const categories = ["Hate", "Sexual", "Selfharm", "Violence"];
const strictFilters = (overrides: (f: Filter) => Filter | undefined = (f) => f): Filter[] =>
  [
    ...categories.flatMap((name) =>
      ["Prompt", "Completion"].map((source) => ({
        name,
        source,
        enabled: true,
        blocking: true,
        severityThreshold: "Medium",
      })),
    ),
    { name: "Jailbreak", source: "Prompt", enabled: true, blocking: true },
    { name: "Protected Material Text", source: "Completion", enabled: true, blocking: true },
  ]
    .map(overrides)
    .filter((f): f is Filter => f !== undefined);

const account = (name = "main"): StackResourceCase => ({
  type: types.account,
  urn: urn(types.account, name),
  name,
  props: { accountName: `aif-${name}`, resourceGroupName: "rg", name: `aif-${name}` },
});
const main = account();
const other = account("other");

/** A RAI policy of `owner`, hanging under it and computed from it, as FoundryAccount declares it. */
function policy(filters: Filter[], opts: { name?: string; owner?: StackResourceCase; mode?: string } = {}) {
  const owner = opts.owner ?? main;
  const name = opts.name ?? "strict";
  return {
    type: types.policy,
    urn: urn(types.policy, `${owner.name}-${name}`),
    name: `${owner.name}-${name}`,
    parent: owner.urn,
    props: {
      accountName: owner.props.accountName,
      resourceGroupName: "rg",
      raiPolicyName: name,
      name,
      properties: {
        basePolicyName: "Microsoft.DefaultV2",
        mode: opts.mode ?? "Blocking",
        contentFilters: filters,
      },
    },
    propertyDependencies: { accountName: [owner.urn as string] },
  } satisfies StackResourceCase;
}

/** A deployment of `owner`; `via` is the RAI policy its raiPolicyName was computed from, if any. */
function deployment(
  raiPolicyName: unknown,
  opts: { name?: string; owner?: StackResourceCase; via?: StackResourceCase } = {},
): StackResourceCase {
  const owner = opts.owner ?? main;
  const name = opts.name ?? "gpt-4.1";
  return {
    type: types.deployment,
    urn: urn(types.deployment, `${owner.name}-${name}`),
    name: `${owner.name}-${name}`,
    parent: owner.urn,
    props: {
      accountName: owner.props.accountName,
      deploymentName: name,
      sku: { name: "GlobalStandard", capacity: 10 },
      properties: { model: { format: "OpenAI", name, version: "2025-04-14" }, raiPolicyName },
    },
    propertyDependencies: {
      accountName: [owner.urn as string],
      ...(opts.via ? { properties: [opts.via.urn as string] } : {}),
    },
  };
}

/** Strips what a real `pulumi stack export` lacks in outputs: the path inputs (accountName, ...). */
function asExported(r: StackResourceCase): StackResourceCase {
  const pathInputs = new Set(["accountName", "resourceGroupName", "raiPolicyName", "deploymentName"]);
  return { ...r, props: Object.fromEntries(Object.entries(r.props).filter(([k]) => !pathInputs.has(k))) };
}

async function findings(resources: StackResourceCase[], config: Record<string, unknown> = {}) {
  const result = await judgeStack(rule, resources, config);
  assert.ok(result !== "unknown", "the rule could not judge known values");
  return result;
}

describe(`policy ${rule.name}`, () => {
  const strict = policy(strictFilters());

  const compliant: [string, StackResourceCase[], Record<string, unknown>?][] = [
    [
      "joined through the property dependency on the policy",
      [main, strict, deployment("strict", { via: strict })],
    ],
    ["joined by policy name within the same account (plan outputs)", [main, strict, deployment("strict")]],
    [
      "joined by name under the same parent account (export outputs without path inputs)",
      [main, asExported(strict), { ...asExported(deployment("strict")), propertyDependencies: {} }],
    ],
    ["policy names compare without case", [main, strict, deployment("STRICT")]],
    ["the built-in Microsoft.DefaultV2", [main, deployment("Microsoft.DefaultV2")]],
    [
      "thresholds stricter than Medium",
      [
        main,
        policy(strictFilters((f) => (f.severityThreshold ? { ...f, severityThreshold: "Low" } : f))),
        deployment("strict"),
      ],
    ],
    [
      "category spelled SelfHarm, blocking given as action BLOCKING",
      [
        main,
        policy(
          strictFilters((f) => {
            const rest = Object.fromEntries(Object.entries(f).filter(([k]) => k !== "blocking"));
            return { ...rest, name: f.name === "Selfharm" ? "SelfHarm" : f.name, action: "BLOCKING" };
          }),
        ),
        deployment("strict"),
      ],
    ],
    [
      "a High threshold where the environment allows High",
      [
        main,
        policy(strictFilters((f) => (f.severityThreshold ? { ...f, severityThreshold: "High" } : f))),
        deployment("strict"),
      ],
      { maxSeverityThreshold: "High" },
    ],
    [
      "Model Router deployment (generic resource) joined by name in its parent path",
      [
        main,
        strict,
        {
          type: types.generic,
          urn: urn(types.generic, "router"),
          props: {
            resourceProviderNamespace: "Microsoft.CognitiveServices",
            resourceType: "deployments",
            parentResourcePath: "accounts/aif-main",
            resourceName: "model-router",
            properties: { model: { name: "model-router", version: "2025-11-18" }, raiPolicyName: "strict" },
          },
        },
      ],
    ],
    [
      "each account's deployment uses its own account's policy of the same name",
      [
        main,
        other,
        strict,
        policy(strictFilters(), { owner: other }),
        deployment("strict"),
        deployment("strict", { owner: other }),
      ],
    ],
    [
      "the raiPolicyName is unknown during preview but its dependency names the policy",
      [main, strict, deployment(unknown.string, { via: strict })],
    ],
    [
      "an async-filter policy where the environment allows it",
      [main, policy(strictFilters(), { mode: "Asynchronous_filter" }), deployment("strict")],
      { allowAsynchronousFilter: true },
    ],
  ];
  for (const [what, resources, config] of compliant) {
    it(`compliance: ${what}`, async () => {
      assert.deepEqual(await findings(resources, config), []);
    });
  }

  const d = deployment("strict");
  const weak = (change: (f: Filter) => Filter | undefined, opts: { mode?: string } = {}) => [
    main,
    policy(strictFilters(change), opts),
    d,
  ];
  const broken: [string, StackResourceCase[], RegExp, Record<string, unknown>?][] = [
    [
      "no raiPolicyName",
      [main, strict, deployment(undefined)],
      /deployment 'gpt-4.1' names no content-filter policy/,
    ],
    [
      "a custom policy not declared in the stack",
      [main, deployment("lenient")],
      /policy 'lenient', which is not declared in this stack for its account/,
    ],
    [
      "the named policy belongs to another account",
      [main, other, policy(strictFilters(), { owner: other }), d],
      /policy 'strict', which is not declared in this stack for its account/,
    ],
    [
      "a built-in policy whose filters are not published",
      [main, deployment("Microsoft.Default")],
      /policy 'Microsoft.Default', which is not declared/,
    ],
    [
      "a category missing on completions",
      weak((f) => (f.name === "Violence" && f.source === "Completion" ? undefined : f)),
      /too weak: Violence on Completion has no filter/,
    ],
    [
      "a category missing on prompts",
      weak((f) => (f.name === "Hate" && f.source === "Prompt" ? undefined : f)),
      /Hate on Prompt has no filter/,
    ],
    [
      "a filter disabled",
      weak((f) => (f.name === "Sexual" && f.source === "Prompt" ? { ...f, enabled: false } : f)),
      /Sexual on Prompt is not enabled/,
    ],
    [
      "a filter that only annotates",
      weak((f) => (f.name === "Selfharm" && f.source === "Completion" ? { ...f, blocking: false } : f)),
      /Selfharm on Completion only annotates/,
    ],
    [
      "a threshold of High",
      weak((f) => (f.name === "Hate" && f.source === "Completion" ? { ...f, severityThreshold: "High" } : f)),
      /Hate on Completion blocks only at High \(needs Medium or stricter\)/,
    ],
    [
      "a threshold missing",
      weak((f) =>
        f.name === "Violence" && f.source === "Prompt" ? { ...f, severityThreshold: undefined } : f,
      ),
      /Violence on Prompt has no severityThreshold/,
    ],
    [
      "Jailbreak missing",
      weak((f) => (f.name === "Jailbreak" ? undefined : f)),
      /Jailbreak \(Prompt Shields\) has no filter/,
    ],
    [
      "Jailbreak off",
      weak((f) => (f.name === "Jailbreak" ? { ...f, enabled: false } : f)),
      /Jailbreak \(Prompt Shields\) is off/,
    ],
    [
      "Jailbreak annotate only",
      weak((f) => (f.name === "Jailbreak" ? { ...f, blocking: false } : f)),
      /Jailbreak \(Prompt Shields\) only annotates/,
    ],
    [
      "asynchronous filtering of completions",
      weak((f) => f, { mode: "Asynchronous_filter" }),
      /mode is Asynchronous_filter/,
    ],
    [
      "Medium where the environment asks for Low",
      [main, strict, d],
      /Hate on Prompt blocks only at Medium \(needs Low or stricter\)/,
      { maxSeverityThreshold: "Low" },
    ],
    [
      "Microsoft.DefaultV2 where the environment asks for Low",
      [main, deployment("Microsoft.DefaultV2")],
      /policy 'Microsoft.DefaultV2', which is too weak/,
      { maxSeverityThreshold: "Low" },
    ],
    [
      "a policy with no content filters at all",
      [main, policy([]), d],
      /Hate on Prompt has no filter; Hate on Completion has no filter;.*Jailbreak \(Prompt Shields\) has no filter/,
    ],
  ];
  broken.forEach(([what, resources, message, config], i) => {
    it(`noncompliance ${i + 1}: ${what}`, async () => {
      const result = await findings(resources, config);
      assert.equal(result.length, 1, JSON.stringify(result));
      assert.match(result[0].message, message);
      assert.match(result[0].urn ?? "", /cognitiveservices:Deployment::main-gpt-4.1$/);
    });
  });

  it("reports only the deployment whose policy is weak", async () => {
    const lenient = policy(
      strictFilters((f) => (f.name === "Jailbreak" ? undefined : f)),
      { name: "lenient" },
    );
    const result = await findings([
      main,
      strict,
      lenient,
      deployment("strict", { name: "a" }),
      deployment("lenient", { name: "b" }),
    ]);
    assert.deepEqual(
      result.map((f) => f.urn),
      [urn(types.deployment, "main-b")],
    );
  });

  it("does not crash when a value it must read is unknown during preview", async () => {
    assert.equal(await judgeStack(rule, [main, strict, deployment(unknown.string)]), "unknown");
    const unknownFilters = {
      ...strict,
      props: { ...strict.props, properties: { contentFilters: unknown.array } },
    };
    assert.equal(await judgeStack(rule, [main, unknownFilters, deployment("strict")]), "unknown");
  });

  it("never reports a resource type it does not judge", async () => {
    const generic = {
      type: types.generic,
      urn: urn(types.generic, "site"),
      props: {
        resourceProviderNamespace: "Microsoft.Web",
        resourceType: "sites",
        properties: { raiPolicyName: "x" },
      },
    };
    const storage = {
      type: "azure-native:storage:StorageAccount",
      urn: urn("x", "s"),
      props: { properties: {} },
    };
    assert.deepEqual(await findings([main, policy([]), generic, storage]), []);
  });
});

describe(`policy ${rule.name}: filters without a severity (additionalFilters)`, () => {
  const wanted = [
    { name: "Protected Material Text", source: "Completion" },
    { name: "Indirect Attack", source: "Prompt" },
  ] as const;
  it("compliance: every required filter is on and blocking", () => {
    const filters = [
      ...strictFilters(),
      { name: "Indirect Attack", source: "Prompt", enabled: true, blocking: true },
    ];
    assert.deepEqual(filterWeaknesses(filters, "Default", { additionalFilters: wanted }), []);
  });
  it("noncompliance: a required filter missing, another only annotating", () => {
    const filters = strictFilters((f) =>
      f.name === "Protected Material Text" ? { ...f, blocking: false } : f,
    );
    assert.deepEqual(filterWeaknesses(filters, "Default", { additionalFilters: wanted }), [
      "Protected Material Text on Completion only annotates (blocking is not true)",
      "Indirect Attack on Prompt has no filter",
    ]);
  });
});
