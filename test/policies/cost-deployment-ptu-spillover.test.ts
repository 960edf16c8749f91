import { strict as assert } from "node:assert";
import { costDeploymentPtuSpillover as rule } from "../../policies/rules/cost/deployment-ptu-spillover";
import { types } from "../../policies/lib/types";
import { judgeStack, StackResourceCase, unknown } from "../helpers/policy";
import { Shape, assertFindings, assertNone, res, urnOf } from "./fixtures";

function account(shape: Shape, name: string): StackResourceCase {
  return res(types.aiAccount, name, {
    ...(shape === "plan" ? { accountName: name } : {}),
    name,
    properties: { customSubDomainName: name },
  });
}

interface Spec {
  readonly name: string;
  readonly type: string;
  readonly model?: string;
  readonly spillover?: unknown;
  readonly account?: string | null;
}

/** A deployment; in the export shape its account is found through propertyDependencies. */
function deployment(shape: Shape, s: Spec): StackResourceCase {
  const acct = s.account === undefined ? "aif-main" : s.account;
  return res(
    types.aiDeployment,
    `${acct ?? "x"}-${s.name}`,
    {
      ...(shape === "plan" && acct ? { accountName: acct, deploymentName: s.name } : { name: s.name }),
      sku: { name: s.type, capacity: 15 },
      properties: {
        model: { format: "OpenAI", name: s.model ?? "gpt-4.1", version: "2025-04-14" },
        ...(s.spillover !== undefined ? { spilloverDeploymentName: s.spillover } : {}),
      },
    },
    shape === "export" && acct
      ? { propertyDependencies: { accountName: [urnOf(types.aiAccount, acct)] } }
      : {},
  );
}

function backend(name: string, props: Record<string, unknown>): StackResourceCase {
  return res(types.apimBackend, name, { serviceName: "apim-x", backendId: name, ...props });
}

const pool = (...members: string[]) =>
  backend("pool", {
    type: "Pool",
    pool: { services: members.map((m, i) => ({ id: `/backends/${m}`, priority: i + 1 })) },
  });
const ptu = (shape: Shape, extra: Partial<Spec> = {}) =>
  deployment(shape, { name: "gpt-4.1-ptu", type: "GlobalProvisionedManaged", ...extra });
const std = (shape: Shape, extra: Partial<Spec> = {}) =>
  deployment(shape, { name: "gpt-4.1-std", type: "GlobalStandard", ...extra });
const url = (acct: string, dep?: string) =>
  `https://${acct}.openai.azure.com/openai${dep ? `/deployments/${dep}` : ""}`;

for (const shape of ["plan", "export"] as Shape[]) {
  describe(`policy ${rule.name} (${shape} shape)`, () => {
    const main = account(shape, "aif-main");
    const second = account(shape, "aif-second");
    const compliant: [string, StackResourceCase[]][] = [
      [
        "spills over to a GlobalStandard deployment of the same account",
        [main, ptu(shape, { spillover: "gpt-4.1-std" }), std(shape)],
      ],
      [
        "a gateway pool with a backend per deployment, the standard one second",
        [
          main,
          ptu(shape),
          std(shape),
          backend("b-ptu", { url: url("aif-main", "gpt-4.1-ptu") }),
          backend("b-std", { url: url("aif-main", "gpt-4.1-std") }),
          pool("b-ptu", "b-std"),
        ],
      ],
      [
        "a gateway pool of account backends, the second account serving the model on GlobalStandard",
        [
          main,
          second,
          ptu(shape),
          std(shape, { account: "aif-second" }),
          backend("b-main", { url: url("aif-main") }),
          backend("b-second", { url: url("aif-second") }),
          pool("b-main", "b-second"),
        ],
      ],
      [
        "a spillover whose account cannot be told is trusted",
        [ptu(shape, { spillover: "elsewhere", account: null })],
      ],
      ["standard deployments only", [main, std(shape)]],
    ];
    for (const [what, resources] of compliant) {
      it(`compliance: ${what}`, async () => assertNone(await judgeStack(rule, resources)));
    }

    const broken: [string, StackResourceCase[], RegExp][] = [
      [
        "noncompliance 1: no spillover and no pool",
        [main, ptu(shape), std(shape)],
        /The GlobalProvisionedManaged deployment 'gpt-4\.1-ptu' has no spillover/,
      ],
      [
        "noncompliance 2: the spillover target does not exist",
        [main, ptu(shape, { spillover: "gpt-4.1-typo" }), std(shape)],
        /spills over to 'gpt-4\.1-typo', which is not a deployment of account 'aif-main'/,
      ],
      [
        "noncompliance 3: the spillover target is provisioned too",
        [
          main,
          ptu(shape, { spillover: "other-ptu" }),
          deployment(shape, {
            name: "other-ptu",
            type: "GlobalProvisionedManaged",
            spillover: "gpt-4.1-std",
          }),
          std(shape),
        ],
        /spills over to 'other-ptu', a GlobalProvisionedManaged, not a standard deployment/,
      ],
      [
        "noncompliance 4: data zone capacity spilling over to a global deployment",
        [main, ptu(shape, { type: "DataZoneProvisionedManaged", spillover: "gpt-4.1-std" }), std(shape)],
        /dataZone data scope.*GlobalStandard, global\): the data-processing scopes must match/,
      ],
      [
        "noncompliance 5: the pool's other member is provisioned too",
        [
          main,
          ptu(shape, { spillover: undefined }),
          deployment(shape, {
            name: "other-ptu",
            type: "GlobalProvisionedManaged",
            spillover: "gpt-4.1-std",
          }),
          std(shape),
          backend("b-ptu", { url: url("aif-main", "gpt-4.1-ptu") }),
          backend("b-other", { url: url("aif-main", "other-ptu") }),
          pool("b-ptu", "b-other"),
        ],
        /'gpt-4\.1-ptu' has no spillover/,
      ],
      [
        "noncompliance 6: the pool's standard member serves another model",
        [
          main,
          ptu(shape),
          std(shape, { name: "mini", model: "gpt-4.1-mini" }),
          backend("b-ptu", { url: url("aif-main", "gpt-4.1-ptu") }),
          backend("b-mini", { url: url("aif-main", "mini") }),
          pool("b-ptu", "b-mini"),
        ],
        /no gateway pool with a standard deployment of gpt-4\.1/,
      ],
      [
        "noncompliance 7: the spillover target is in another account",
        [main, second, ptu(shape, { spillover: "gpt-4.1-std" }), std(shape, { account: "aif-second" })],
        /not a deployment of account 'aif-main'/,
      ],
    ];
    for (const [what, resources, message] of broken) {
      it(what, async () => {
        const [f] = assertFindings(await judgeStack(rule, resources), message);
        assert.equal(f.urn, urnOf(types.aiDeployment, "aif-main-gpt-4.1-ptu"));
      });
    }
  });
}

describe(`policy ${rule.name} (preview and types)`, () => {
  it("does not crash on a spillover name unknown during preview", async () => {
    assert.equal(
      await judgeStack(rule, [account("plan", "aif-main"), ptu("plan", { spillover: unknown.string })]),
      "unknown",
    );
  });

  it("never reports a resource type it does not judge (generic resources)", async () => {
    assertNone(
      await judgeStack(rule, [
        res("azure-native:resources:Resource", "router", {
          resourceType: "accounts/deployments",
          sku: { name: "GlobalProvisionedManaged", capacity: 15 },
        }),
      ]),
    );
  });
});
