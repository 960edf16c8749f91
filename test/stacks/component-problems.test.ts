/**
 * Every error points at config: a problem a component finds with the arguments the program built is
 * reported at the config key it came from, one problem per line, before the program runs where the
 * config layer can run the component's validator, and from the component's error where it cannot.
 */
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { PackProcess } from "../../cli/analyzer/pack-process";
import { plan } from "../../cli/plan/plan";
import { ComponentArgsError } from "../../components/common/args-error";
import { componentConfigProblems, problemPath } from "../../stacks/config/component-problems";
import { ConfigError, problemLine } from "../../stacks/config/problems";
import { platformConfig } from "../../stacks/config/schema";
import { pinnedDay } from "../helpers/cli";
import { edit, loadText, problemsOf, stackText } from "../helpers/stack-config";

describe("component problems at their config keys", () => {
  const prod = loadText(stackText("prod")).config;
  const source = { config: prod, schema: platformConfig };
  const keyOf = (component: string, componentName: string, problem: string) =>
    problemPath({ component, componentName, problems: [problem] }, problem, source).join(".");

  it("maps a problem to the section of its component and the argument it starts with", () => {
    assert.equal(
      keyOf(
        "AiNetwork",
        "platform-network",
        "gatewaySubnetPrefix '10.70.0.0/26' lies outside the network's address space",
      ),
      "network.gatewaySubnetPrefix",
    );
    assert.equal(
      keyOf("Observability", "platform-obs", "retentionInDays is 7; allowed: 30 to 730"),
      "observability.retentionDays",
    );
    assert.equal(
      keyOf("CostControls", "platform-cost", "startDate '2012-01-01' is not allowed"),
      "budget.startDate",
    );
    assert.equal(
      keyOf("AiGateway", "platform-gateway", "sku BasicV2 cannot join a virtual network"),
      "gateway.sku",
    );
    assert.equal(
      keyOf("AccessControl", "platform-access", "groups.admins has both objectId and members"),
      "access.admins",
    );
    // A sentence that names no key points at the section.
    assert.equal(keyOf("AiGateway", "platform-gateway", "2 circuit-breaker rules; give one"), "gateway");
  });

  it("maps a named item to its list entry: the account by component name, the deployment, the team", () => {
    assert.equal(
      keyOf(
        "FoundryAccount",
        "platform-second",
        "deployment 'gpt-5.4-mini' capacity (got 0): must be at least 1",
      ),
      "accounts.1.deployments.1.capacity",
    );
    assert.equal(
      keyOf("AiGateway", "platform-gateway", "team 'search': tokensPerMinute 0 must be a whole number"),
      "gateway.teams.1.tokensPerMinute",
    );
    // A clash between gateway targets points at the deployment to rename: the last one named.
    assert.equal(
      keyOf(
        "AiGateway",
        "platform-gateway",
        "deployments 'main/gpt-5.4' and 'second/gpt-5.4-mini' both map to backend id 'x'; rename one",
      ),
      "accounts.1.deployments.1.model",
    );
  });

  it("maps the canary candidate's problems to the upgrade that asked for it", () => {
    const upgrade = {
      deployment: "gpt-5.4",
      candidateModel: "gpt-5.5",
      candidateVersion: "2026-04-24",
      weightPercent: 10,
    };
    const config = loadText(edit(stackText("prod"), { "gateway.upgrade": upgrade })).config;
    const problem =
      "deployment 'gpt-5.4-canary' version (got \"2026-04-24\"): not a known version of gpt-5.4";
    assert.equal(
      problemPath(
        { component: "FoundryAccount", componentName: "platform-main", problems: [problem] },
        problem,
        {
          config,
          schema: platformConfig,
        },
      ).join("."),
      "gateway.upgrade.candidateVersion",
    );
  });

  it("reports a repeat at the entry that repeats", () => {
    const automation = [
      { name: "batch", principalId: "00000000-0000-0000-0000-000000000001" },
      { name: "etl", principalId: "00000000-0000-0000-0000-000000000002" },
      { name: "batch", principalId: "00000000-0000-0000-0000-000000000003" },
    ];
    assert.deepEqual(problemsOf(edit(stackText("prod"), { "access.automationIdentities": automation })), [
      "foundry-platform:access.automationIdentities[2]: automation identity 'batch' is listed twice; give each its own name",
    ]);
  });

  it("keeps one line per problem with the component, its key, and the value there", () => {
    const err = new ComponentArgsError(
      "AiNetwork",
      "platform-network",
      [
        "gatewaySubnetPrefix '10.70.0.0/26' lies outside; use a prefix inside",
        "privateEndpointSubnetPrefix 'x' is not a CIDR block",
      ],
      undefined,
    );
    assert.deepEqual(err.message.split("\n"), [
      "AiNetwork 'platform-network': gatewaySubnetPrefix '10.70.0.0/26' lies outside; use a prefix inside",
      "AiNetwork 'platform-network': privateEndpointSubnetPrefix 'x' is not a CIDR block",
    ]);
    assert.deepEqual(componentConfigProblems(err, source).map(problemLine), [
      `foundry-platform:network.gatewaySubnetPrefix (got "10.60.0.0/26"): AiNetwork 'platform-network': gatewaySubnetPrefix '10.70.0.0/26' lies outside; use a prefix inside`,
      `foundry-platform:network.privateEndpointSubnetPrefix (got "10.60.0.64/26"): AiNetwork 'platform-network': privateEndpointSubnetPrefix 'x' is not a CIDR block`,
    ]);
  });
});

describe("the components' validators in the config layer", () => {
  const cases: [string, string, string[]][] = [
    [
      "a subnet outside the network's address space",
      edit(stackText("prod"), { "network.gatewaySubnetPrefix": "10.70.0.0/26" }),
      [
        `foundry-platform:network.gatewaySubnetPrefix (got "10.70.0.0/26"): lies outside the network's address space 10.60.0.0/24`,
      ],
    ],
    [
      "a gateway tier that cannot join the private network",
      edit(stackText("staging"), { "gateway.sku": "BasicV2" }),
      [
        `foundry-platform:gateway.sku (got "BasicV2"): BasicV2 cannot join a virtual network; use StandardV2 or PremiumV2 (outbound integration) or Premium (injection); the gateway joins the private network here (network.enabled is true by default in staging), or set network.enabled: false`,
      ],
    ],
    [
      "a budget that starts before budgets exist",
      edit(stackText("prod"), { "budget.startDate": "2012-01-01" }),
      [
        `foundry-platform:budget.startDate (got "2012-01-01"): is not allowed; use the first day of a month from 2017 on, as YYYY-MM-01, or leave it unset`,
      ],
    ],
    [
      "batch deployments in two accounts behind one gateway",
      edit(stackText("prod"), {
        "accounts.1.deployments.3": {
          name: "gpt-5.4-batch",
          model: "gpt-5.4",
          version: "2026-03-05",
          type: "GlobalBatch",
          capacity: 10,
        },
      }),
      [
        "foundry-platform:gateway: batch deployments are in accounts main, second; the gateway exposes the batch API (files, batches) of one account, where a batch and its files live — keep the batch deployments in one account",
      ],
    ],
  ];
  for (const [what, text, expected] of cases) {
    it(`refuses ${what} before the program runs, at its key`, () =>
      assert.deepEqual(problemsOf(text), expected));
  }
});

describe("a component that refuses its arguments while the program runs", () => {
  it("is a config error at the key it came from, exit 2, one problem per line", async () => {
    // Passes the config checks; the gateway then finds two deployment names with one backend id.
    const text = edit(stackText("dev"), {
      "accounts.0.deployments.2": {
        name: "gpt-5-4-mini",
        model: "gpt-5.4-mini",
        version: "2026-03-17",
        type: "GlobalStandard",
        capacity: 5,
      },
      gateway: {
        enabled: true,
        publisherEmail: "platform-team@contoso.com",
        teams: [
          { name: "apps", tokensPerMinute: 1000, monthlyTokenQuota: 100000, allowedModels: ["gpt-5.4-mini"] },
        ],
      },
    });
    assert.deepEqual(problemsOf(text), []);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "fp-component-")), "Pulumi.dev.yaml");
    fs.writeFileSync(file, text);
    const neverStarted = new Promise<PackProcess>(() => undefined);
    await assert.rejects(
      plan({ stack: "dev", configFile: file, asOf: pinnedDay }, neverStarted),
      (err: Error) => {
        assert.ok(err instanceof ConfigError, err.message);
        assert.deepEqual(err.problems.map(problemLine), [
          `foundry-platform:accounts[0].deployments[2].name (got "gpt-5-4-mini"): AiGateway 'platform-gateway': deployments 'main/gpt-5.4-mini' and 'main/gpt-5-4-mini' both map to backend id 'main-gpt-5-4-mini'; rename one`,
        ]);
        return true;
      },
    );
  });
});
