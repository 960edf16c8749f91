import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import Ajv2020 from "ajv/dist/2020";
import YAML from "yaml";
import { stackFileJsonSchema, stackFileJsonSchemaText } from "../../stacks/config/json-schema";

const stacksDir = path.resolve(__dirname, "..", "..", "stacks");

describe("stacks/config.schema.json", () => {
  it("is up to date with the zod schema (run `npm run schema` to refresh it)", () => {
    const committed = fs.readFileSync(path.join(stacksDir, "config.schema.json"), "utf8");
    assert.equal(committed, stackFileJsonSchemaText());
  });

  it("accepts every committed stack file and rejects an unknown key", () => {
    const validate = new Ajv2020({ strict: false }).compile(stackFileJsonSchema());
    for (const stack of ["dev", "staging", "prod"]) {
      const doc: unknown = YAML.parse(fs.readFileSync(path.join(stacksDir, `Pulumi.${stack}.yaml`), "utf8"));
      assert.ok(validate(doc), `${stack}: ${JSON.stringify(validate.errors)}`);
    }
    assert.equal(validate({ config: { "foundry-platform:nope": 1 } }), false);
  });
});
