import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import * as authorization from "@pulumi/azure-native/authorization";
import { assignRole, roleAssignmentName, roleProblem } from "../../components/common/role-assignment";
import { builtInRoles, isPrivilegedRole, privilegedRoles } from "../../components/common/roles";
import { capture, captureErrors, ofType, typeToken } from "../helpers/mocks";

class Holder extends pulumi.ComponentResource {
  constructor(name: string) {
    super("test:index:Holder", name, {});
  }
}

const scope =
  "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/a";

describe("role assignments", () => {
  it("have names derived from scope, principal and role: stable, and distinct across principals", () => {
    const role = builtInRoles["Cognitive Services OpenAI User"];
    const a = roleAssignmentName(scope, "p-1", role);
    assert.equal(a, roleAssignmentName(scope, "p-1", role));
    assert.equal(a, roleAssignmentName(scope.toUpperCase(), "P-1", role.toUpperCase()));
    assert.notEqual(a, roleAssignmentName(scope, "p-2", role));
    assert.notEqual(a, roleAssignmentName(scope, "p-1", builtInRoles["Cognitive Services User"]));
    assert.notEqual(a, roleAssignmentName(`${scope}2`, "p-1", role));
    assert.match(a, /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("accept a built-in role by display name, GUID or full id, and refuse privileged ones", () => {
    const guid = builtInRoles["Monitoring Reader"];
    assert.equal(roleProblem("Monitoring Reader"), undefined);
    assert.equal(roleProblem(guid), undefined);
    assert.equal(
      roleProblem(`/subscriptions/x/providers/Microsoft.Authorization/roleDefinitions/${guid}`),
      undefined,
    );
    for (const [name, id] of Object.entries(privilegedRoles)) {
      assert.ok(
        isPrivilegedRole(name) &&
          isPrivilegedRole(id) &&
          isPrivilegedRole(`/providers/Microsoft.Authorization/roleDefinitions/${id.toUpperCase()}`),
      );
      assert.match(roleProblem(name) ?? "", /is privileged/);
    }
    assert.match(roleProblem("Chief Wizard") ?? "", /neither a known built-in role/);
  });

  it("registers a RoleAssignment with the subscription-scoped role id and the derived name", async () => {
    const resources = await capture(() => {
      const holder = new Holder("h");
      assignRole(
        "h-ra",
        {
          scope,
          principalId: "p-1",
          principalType: "Group",
          roleDefinitionIdOrName: "Cognitive Services OpenAI User",
        },
        { parent: holder },
      );
    });
    const [ra] = ofType(resources, typeToken(authorization.RoleAssignment));
    assert.equal(ra.inputs.scope, scope);
    assert.equal(ra.inputs.principalType, "Group");
    assert.equal(
      ra.inputs.roleDefinitionId,
      `/subscriptions/00000000-0000-0000-0000-000000000000/providers/Microsoft.Authorization/roleDefinitions/${builtInRoles["Cognitive Services OpenAI User"]}`,
    );
    assert.equal(
      ra.inputs.roleAssignmentName,
      roleAssignmentName(scope, "p-1", builtInRoles["Cognitive Services OpenAI User"]),
    );
    assert.ok(ra.parent?.endsWith("::h"));
  });

  it("stops the program with a clear error for a privileged role", async () => {
    const errors = await captureErrors(() => {
      const holder = new Holder("h");
      assignRole("h-ra", { scope, principalId: "p", roleDefinitionIdOrName: "Owner" }, { parent: holder });
    });
    assert.match(errors.join("\n"), /role 'Owner' is privileged/);
  });
});
