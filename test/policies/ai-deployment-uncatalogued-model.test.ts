import { aiDeploymentUncataloguedModel as rule } from "../../policies/rules/ai/deployment-uncatalogued-model";
import { types } from "../../policies/lib/types";
import { judgeResource } from "../helpers/policy";
import { assertFindings, assertNone } from "./fixtures";

const deployment = (
  name: string,
  version: string | undefined,
  sku = "GlobalStandard",
  format = "OpenAI",
) => ({
  type: types.aiDeployment,
  props: {
    sku: { name: sku, capacity: 15 },
    properties: { model: { format, name, ...(version === undefined ? {} : { version }) } },
  },
});

describe("policy ai-deployment-uncatalogued-model", () => {
  const compliant: [string, ReturnType<typeof deployment>][] = [
    ["a catalogued model and version", deployment("gpt-5.4", "2026-03-05")],
    ["a catalogued model without a pinned version", deployment("gpt-5.4-mini", undefined)],
    [
      "provisioned, with published PTU sizing",
      deployment("gpt-5.4", "2026-03-05", "GlobalProvisionedManaged"),
    ],
    [
      "a model sold by Azure from another publisher",
      deployment("DeepSeek-V3.2", "1", "GlobalStandard", "DeepSeek"),
    ],
  ];
  for (const [what, c] of compliant) {
    it(`compliance: ${what}`, async () => assertNone(await judgeResource(rule, c)));
  }

  const broken: [string, ReturnType<typeof deployment>, RegExp][] = [
    [
      "noncompliance 1: a custom or fine-tuned model",
      deployment("contoso-support-ft", "1"),
      /^model 'contoso-support-ft' \(format OpenAI\) is not in the model catalog: its lifecycle, PTU sizing and prices are not judged\./,
    ],
    [
      "noncompliance 2: a version newer than the catalog",
      deployment("gpt-5.4", "2027-01-01"),
      /^version '2027-01-01' of gpt-5\.4 is not in the model catalog \(catalogued: 2026-03-05\)/,
    ],
    [
      "noncompliance 3: provisioned without published PTU sizing",
      deployment("gpt-5.5", "2026-04-24", "GlobalProvisionedManaged"),
      /^gpt-5\.5 on GlobalProvisionedManaged: no PTU sizing is published for it/,
    ],
  ];
  for (const [what, c, message] of broken) {
    it(what, async () => assertFindings(await judgeResource(rule, c), message));
  }

  it("never reports a resource type it does not judge", async () => {
    assertNone(await judgeResource(rule, { ...deployment("contoso-x", "1"), type: types.aiAccount }));
  });
});
