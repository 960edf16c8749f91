import * as fc from "fast-check";
import { policies } from "../../policies/policies";
import { types } from "../../policies/lib/types";
import { judgeResource, judgeStack, unknown } from "../helpers/policy";

const typeTokens = Object.values(types);
const keys = fc.constantFrom(
  "sku",
  "name",
  "capacity",
  "properties",
  "model",
  "version",
  "spilloverDeploymentName",
  "tags",
  "value",
  "format",
  "url",
  "pool",
  "services",
  "id",
  "credentials",
  "header",
  "query",
  "roleDefinitionId",
  "principalType",
  "notifications",
  "enabled",
  "threshold",
  "contactEmails",
  "amount",
  "serviceUrl",
  "apiId",
  "productId",
  "subscriptionRequired",
  "displayName",
);
/** Values of any JSON shape, nested under the keys the rules read, with unknown sentinels and XML-ish text. */
const { tree } = fc.letrec((tie) => ({
  leaf: fc.oneof(
    fc.jsonValue({ maxDepth: 1 }),
    fc.constantFrom(...Object.values(unknown)),
    fc.constantFrom(
      "<policies><inbound>",
      "<policies><inbound><base /></inbound></policies>",
      '@(x("',
      "https://a.openai.azure.com/openai/deployments/%E0%A4%A",
      "GlobalProvisionedManaged",
    ),
  ),
  tree: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    tie("leaf"),
    fc.array(tie("tree"), { maxLength: 3 }),
    fc.dictionary(keys, tie("tree"), { maxKeys: 4 }),
  ),
}));
const props = fc.dictionary(keys, tree, { maxKeys: 6 });

describe("policy rules on arbitrary input", () => {
  it("judge or report unknown, and never throw, whatever the props", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...typeTokens), props, async (type, p) => {
        for (const rule of policies) {
          if ("validateResource" in rule) {
            await judgeResource(rule, { type, props: p, config: {} });
          } else {
            await judgeStack(rule, [{ type, name: "a", props: p }]);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
