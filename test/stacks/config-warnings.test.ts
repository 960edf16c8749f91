/**
 * No silent no-ops: config that is valid but cannot take effect is a warning on its key that says
 * why and how to turn it on. Each case starts from a committed stack and changes one thing.
 */
import { strict as assert } from "node:assert";
import { configWarnings } from "../../stacks/config/warnings";
import { edit, loadText, stackText } from "../helpers/stack-config";

const team = {
  name: "assistants",
  tokensPerMinute: 1000,
  monthlyTokenQuota: 100000,
  allowedModels: ["gpt-5.4-mini"],
};
const devGateway = { publisherEmail: "platform-team@contoso.com", teams: [team] };

function warningsOf(text: string): string[] {
  return configWarnings(loadText(text).config).map((w) => `${w.key}: ${w.message}`);
}

describe("config warnings", () => {
  for (const stack of ["dev", "staging", "prod"] as const) {
    it(`has none for the committed ${stack} stack`, () => {
      assert.deepEqual(warningsOf(stackText(stack)), []);
    });
  }

  it("warns that a gateway section in dev deploys nothing until it is enabled, and how to enable it", () => {
    const [warning, ...rest] = warningsOf(edit(stackText("dev"), { gateway: devGateway }));
    assert.deepEqual(rest, []);
    assert.match(
      warning,
      /^foundry-platform:gateway: gateway\.enabled is not set and defaults to false in dev/,
    );
    assert.match(warning, /nothing of this section is deployed: publisherEmail, teams \(1: assistants\)/);
    assert.match(warning, /set gateway\.enabled: true to deploy the gateway \(BasicV2 by default in dev\)/);
    // Enabled, the same section deploys and the warning is gone.
    assert.deepEqual(warningsOf(edit(stackText("dev"), { gateway: { ...devGateway, enabled: true } })), []);
  });

  it("points at gateway.enabled when it is switched off explicitly, also where it defaults to on", () => {
    const [warning] = warningsOf(edit(stackText("prod"), { "gateway.enabled": false }));
    assert.match(
      warning,
      /^foundry-platform:gateway\.enabled: gateway\.enabled is false, so nothing of this section/,
    );
    assert.match(warning, /teams \(2: assistants, search\)/);
  });

  it("warns about network content that the disabled network ignores", () => {
    const [warning] = warningsOf(edit(stackText("prod"), { "network.enabled": false }));
    assert.match(
      warning,
      /^foundry-platform:network\.enabled: network\.enabled is false, so addressPrefixes, gatewaySubnetPrefix, privateEndpointSubnetPrefix have no effect/,
    );
    assert.match(warning, /set network\.enabled: true to create the private network path/);
    const [dev] = warningsOf(edit(stackText("dev"), { network: { addressPrefixes: ["10.70.0.0/24"] } }));
    assert.match(dev, /^foundry-platform:network: network\.enabled is not set and defaults to false in dev/);
  });

  it("warns that a rolled-back canary's evaluation is never read", () => {
    const upgrade = {
      deployment: "gpt-5.4",
      candidateModel: "gpt-5.5",
      candidateVersion: "2026-04-24",
      weightPercent: 0,
      evaluation: { candidateReport: "eval/c.json", baselineReport: "eval/b.json" },
    };
    const text = edit(stackText("prod"), { "gateway.upgrade": upgrade });
    const warnings = warningsOf(text);
    assert.equal(warnings.length, 1, warnings.join("\n"));
    assert.match(
      warnings[0],
      /^foundry-platform:gateway\.upgrade\.evaluation: weightPercent is 0 \(rolled back\)/,
    );
    assert.match(warnings[0], /raise weightPercent to resume the canary/);
  });

  it("warns that the developers group gets no role where people go through the gateway (staging, prod), not in dev", () => {
    const developers = { members: ["11111111-1111-1111-1111-111111111111"] };
    const [prod] = warningsOf(edit(stackText("prod"), { access: { developers } }));
    assert.match(
      prod,
      /^foundry-platform:access\.developers: in prod people reach the models only through the gateway/,
    );
    assert.match(
      prod,
      /gets no role \(Cognitive Services OpenAI User and Azure AI User are granted to it in dev only\)/,
    );
    assert.deepEqual(warningsOf(edit(stackText("dev"), { access: { developers } })), []);
  });

  it("warns about alert thresholds of signals the stack does not have", () => {
    const warnings = warningsOf(
      edit(stackText("dev"), {
        "observability.alerts": {
          ptuUtilizationPercent: 80,
          spilloverRequests: 10,
          gatewayServerErrorPercent: 2,
        },
      }),
    );
    assert.deepEqual(
      warnings.map((w) => w.slice(0, w.indexOf(":", "foundry-platform:".length))),
      [
        "foundry-platform:observability.alerts.ptuUtilizationPercent",
        "foundry-platform:observability.alerts.spilloverRequests",
        "foundry-platform:observability.alerts.gatewayServerErrorPercent",
      ],
    );
    assert.match(warnings[0], /no deployment is provisioned \(PTU\), so no PTU utilization alert is created/);
    assert.match(warnings[2], /no gateway section/);
  });

  it("warns about LLM logging settings that logging switched off ignores", () => {
    const [size] = warningsOf(edit(stackText("prod"), { "gateway.llmLogging": { maxMessageBytes: 1024 } }));
    assert.match(
      size,
      /^foundry-platform:gateway\.llmLogging\.maxMessageBytes: llmLogging\.logMessages is not set \(default false\)/,
    );
    const off = warningsOf(
      edit(stackText("prod"), { "gateway.llmLogging": { enabled: false, logMessages: true } }),
    );
    assert.deepEqual(off.length, 1);
    assert.match(off[0], /^foundry-platform:gateway\.llmLogging\.logMessages: llmLogging\.enabled is false/);
  });

  it("warns about a custom model that no deployment uses", () => {
    const custom = {
      name: "contoso-ft",
      format: "OpenAI",
      versions: ["1"],
      deploymentTypes: ["Standard"],
    };
    const warnings = warningsOf(edit(stackText("dev"), { customModels: [custom] }));
    assert.equal(warnings.length, 1, warnings.join("\n"));
    assert.match(warnings[0], /^foundry-platform:customModels\[0\]: no deployment uses model 'contoso-ft'/);
  });
});
