import { strict as assert } from "node:assert";
import { PolicyResource } from "@pulumi/policy";
import { ResourceIndex, azureName, resolveRef } from "../../../policies/lib/joins";

type Partial = { urn: string; type: string; props: Record<string, unknown> };

function resource(
  r: Partial,
  links: { parent?: PolicyResource; deps?: PolicyResource[]; pdeps?: Record<string, PolicyResource[]> } = {},
) {
  return {
    ...r,
    name: r.urn.split("::").pop() as string,
    parent: links.parent,
    dependencies: links.deps ?? [],
    propertyDependencies: links.pdeps ?? {},
  } as unknown as PolicyResource;
}

const api = (name: string, props: Record<string, unknown>) =>
  resource({
    urn: `urn:pulumi:s::p::azure-native:apimanagement:Api::${name}`,
    type: "azure-native:apimanagement:Api",
    props,
  });
const a1 = api("a1", { apiId: "chat" });
const a2 = api("a2", { name: "Embeddings" });
const index = new ResourceIndex([a1, a2], (r) => azureName(r, "apiId"));
const policy = (props: Record<string, unknown>, links = {}) =>
  resource(
    {
      urn: "urn:pulumi:s::p::azure-native:apimanagement:ApiPolicy::p",
      type: "azure-native:apimanagement:ApiPolicy",
      props,
    },
    links,
  );

describe("policies/lib/joins", () => {
  it("follows propertyDependencies first, even when the value names another resource", () => {
    assert.deepEqual(
      resolveRef(policy({ apiId: "embeddings" }, { pdeps: { apiId: [a1] } }), "apiId", index),
      [a1],
    );
  });

  it("then the value: an Azure name (any case) or the last segment of an ARM id", () => {
    assert.deepEqual(resolveRef(policy({ apiId: "EMBEDDINGS" }), "apiId", index), [a2]);
    assert.deepEqual(
      resolveRef(
        policy({
          apiId: "/subscriptions/x/resourceGroups/g/providers/Microsoft.ApiManagement/service/s/apis/chat",
        }),
        "apiId",
        index,
      ),
      [a1],
    );
  });

  it("then the parent, then the only dependency of the wanted type", () => {
    assert.deepEqual(resolveRef(policy({}, { parent: a2 }), "apiId", index), [a2]);
    assert.deepEqual(resolveRef(policy({}, { deps: [a1] }), "apiId", index), [a1]);
    assert.deepEqual(resolveRef(policy({}, { deps: [a1, a2] }), "apiId", index), [], "ambiguous");
  });

  it("narrows name matches with `accept` (for example to one API Management service)", () => {
    assert.deepEqual(
      resolveRef(policy({ apiId: "chat" }), "apiId", index, () => false),
      [],
    );
  });
});
