import { strict as assert } from "node:assert";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { memoizeSdkDeserialization } from "../../../policies/lib/sdk-cache";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const sdk = require("@pulumi/policy/deserialize") as {
  deserializeProperties: (s: Struct, proxySecrets: boolean) => Record<string, unknown>;
};

describe("policy SDK deserialization memo", () => {
  it("deserializes one request's properties once for all policies, and each request on its own", () => {
    assert.equal(memoizeSdkDeserialization(), true);
    assert.equal(memoizeSdkDeserialization(), true); // installing twice is harmless
    const a = Struct.fromJavaScript({ sku: { name: "StandardV2" }, tags: { owner: "team" } });
    const b = Struct.fromJavaScript({ sku: { name: "Premium" } });
    const first = sdk.deserializeProperties(a, false);
    assert.equal(sdk.deserializeProperties(a, false), first);
    assert.deepEqual(first, { sku: { name: "StandardV2" }, tags: { owner: "team" } });
    assert.deepEqual(sdk.deserializeProperties(b, false), { sku: { name: "Premium" } });
    assert.notEqual(sdk.deserializeProperties(a, true), first); // the secret-preserving reading is kept apart
  });
});
