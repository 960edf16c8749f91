import { strict as assert } from "node:assert";
import { armId, AzureMocks, mockSubscriptionId } from "../../cli/plan/mocks";

const rg = `/subscriptions/${mockSubscriptionId}/resourceGroups/rg`;

function newResource(type: string, name: string, inputs: Record<string, unknown>) {
  return new AzureMocks().newResource({ type, name, inputs, provider: "", custom: true, id: undefined });
}

describe("plan mocks: ARM shapes of the Foundry resources", () => {
  it("builds the id of a generic resource from its namespace, parent path, type and name", () => {
    const inputs = {
      resourceGroupName: "rg",
      resourceProviderNamespace: "Microsoft.CognitiveServices",
      parentResourcePath: "accounts/aif-a",
      resourceType: "deployments",
      resourceName: "router",
    };
    assert.equal(
      armId("azure-native:resources:Resource", "main-router", inputs),
      `${rg}/providers/Microsoft.CognitiveServices/accounts/aif-a/deployments/router`,
    );
    const { id, state } = newResource("azure-native:resources:Resource", "main-router", inputs);
    assert.equal(id, `${rg}/providers/Microsoft.CognitiveServices/accounts/aif-a/deployments/router`);
    assert.equal(state.name, "router");
    // A top-level generic resource has no parent path.
    assert.equal(
      armId("azure-native:resources:Resource", "x", {
        resourceGroupName: "rg",
        resourceProviderNamespace: "Microsoft.Web",
        parentResourcePath: "",
        resourceType: "sites",
        resourceName: "app",
      }),
      `${rg}/providers/Microsoft.Web/sites/app`,
    );
  });

  it("gives private endpoints, DNS zone groups and projects their ARM ids and outputs", () => {
    const pe = newResource("azure-native:network:PrivateEndpoint", "main-pep-0", {
      resourceGroupName: "rg",
      privateEndpointName: "pep-aif-a",
    });
    assert.equal(pe.id, `${rg}/providers/Microsoft.Network/privateEndpoints/pep-aif-a`);
    assert.deepEqual(pe.state.networkInterfaces, [
      { id: `${rg}/providers/Microsoft.Network/networkInterfaces/pep-aif-a.nic` },
    ]);
    const dns = newResource("azure-native:network:PrivateDnsZoneGroup", "main-pep-0-dns", {
      resourceGroupName: "rg",
      privateEndpointName: "pep-aif-a",
      privateDnsZoneGroupName: "default",
    });
    assert.equal(
      dns.id,
      `${rg}/providers/Microsoft.Network/privateEndpoints/pep-aif-a/privateDnsZoneGroups/default`,
    );
    const project = newResource("azure-native:cognitiveservices:Project", "main-project-chat", {
      resourceGroupName: "rg",
      accountName: "aif-a",
      projectName: "chat",
      identity: { type: "SystemAssigned" },
    });
    assert.equal(project.id, `${rg}/providers/Microsoft.CognitiveServices/accounts/aif-a/projects/chat`);
    assert.match(String((project.state.identity as { principalId: string }).principalId), /^[0-9a-f-]{36}$/);
  });

  it("answers the user-assigned identity lookup with a stable client id", () => {
    const mocks = new AzureMocks();
    const args = {
      token: "azure-native:managedidentity:getUserAssignedIdentity",
      inputs: { resourceGroupName: "rg", resourceName: "id-cmk" },
      provider: "",
    };
    const a = mocks.call(args);
    assert.match(String(a.clientId), /^[0-9a-f-]{36}$/);
    assert.deepEqual(mocks.call(args), a);
  });
});
