/**
 * The stack config schema and the components' arguments are one contract. Each section the program
 * hands to a component as it is must be assignable to the argument type the component declares:
 * `accepts<Spec>()<Config>()` compiles only while it is (`tsc --noEmit`, in CI), and when a property
 * drifts the compiler names it. The run-time half checks the same pairs key by key against the
 * component package's schema (test/provider/schema.test.ts builds it from the same types).
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import type { PackageSpec } from "@pulumi/pulumi/provider/experimental/schema";
import type {
  AccessGroupSpec,
  AccessGroupsSpec,
  AccountNetworkAcls,
  AlertThresholds,
  AutomationIdentitySpec,
  CustomerManagedKeySpec,
  CustomModelSpec,
  ExpectedTraffic,
  FoundryProjectSpec,
  GatewayLlmLogging,
  GatewayTeam,
  LockSpec,
  ModelDeploymentSpec,
  PlatformBudgetSpec,
  PlatformGatewaySpec,
  PlatformNetworkSpec,
  PlatformSemanticCacheSpec,
  PrivateEndpointSpec,
  RoleAssignmentSpec,
  TeamModelTraffic,
  UpgradeSpec,
} from "../../components/index";
import type { AccessConfig } from "../../stacks/config/access";
import type { AccountConfig, DeploymentConfig } from "../../stacks/config/accounts";
import type { BudgetConfig } from "../../stacks/config/budget";
import type { CustomModelConfig } from "../../stacks/config/custom-models";
import type { GatewayConfig } from "../../stacks/config/gateway";
import type { NetworkConfig } from "../../stacks/config/network";
import type { ObservabilityConfig } from "../../stacks/config/observability";
import { stackFileJsonSchema } from "../../stacks/config/json-schema";
import { schemaFile } from "../../provider/package-schema";

/** Compiles only while `Config` is assignable to `Spec`; returns the pair's label. */
function accepts<Spec>(): <Config extends Spec>(label: string, _config?: Config) => string {
  return (label) => label;
}

type Element<T> = T extends readonly (infer E)[] ? E : never;
type Account = AccountConfig;
type Gateway = GatewayConfig;

/** Every section the program passes on unchanged, with the component type that takes it. */
const proven = [
  accepts<ModelDeploymentSpec>()<DeploymentConfig>("accounts[].deployments[] → ModelDeploymentSpec"),
  accepts<ExpectedTraffic>()<NonNullable<DeploymentConfig["expectedTraffic"]>>(
    "accounts[].deployments[].expectedTraffic → ExpectedTraffic",
  ),
  accepts<AccountNetworkAcls>()<NonNullable<Account["networkAcls"]>>(
    "accounts[].networkAcls → AccountNetworkAcls",
  ),
  accepts<FoundryProjectSpec>()<Element<Account["projects"]>>("accounts[].projects[] → FoundryProjectSpec"),
  accepts<PrivateEndpointSpec>()<Element<Account["privateEndpoints"]>>(
    "accounts[].privateEndpoints[] → PrivateEndpointSpec",
  ),
  accepts<CustomerManagedKeySpec>()<NonNullable<Account["customerManagedKey"]>>(
    "accounts[].customerManagedKey → CustomerManagedKeySpec",
  ),
  accepts<LockSpec>()<NonNullable<Account["lock"]>>("accounts[].lock → LockSpec"),
  accepts<RoleAssignmentSpec>()<Element<Account["roleAssignments"]>>(
    "accounts[].roleAssignments[] → RoleAssignmentSpec",
  ),
  accepts<CustomModelSpec>()<CustomModelConfig>("customModels[] → CustomModelSpec"),
  accepts<AlertThresholds>()<NonNullable<ObservabilityConfig["alerts"]>>(
    "observability.alerts → AlertThresholds",
  ),
  accepts<PlatformBudgetSpec>()<BudgetConfig & { readonly monthlyAmount: number }>(
    "budget (amount defaulted per environment) → PlatformBudgetSpec",
  ),
  accepts<AccessGroupsSpec>()<Omit<AccessConfig, "automationIdentities">>("access → AccessGroupsSpec"),
  accepts<AccessGroupSpec>()<NonNullable<AccessConfig["admins"]>>("access.<group> → AccessGroupSpec"),
  accepts<AutomationIdentitySpec>()<Element<AccessConfig["automationIdentities"]>>(
    "access.automationIdentities[] → AutomationIdentitySpec",
  ),
  accepts<PlatformGatewaySpec>()<Omit<Gateway, "enabled" | "upgrade">>("gateway → PlatformGatewaySpec"),
  accepts<GatewayTeam>()<Element<Gateway["teams"]>>("gateway.teams[] → GatewayTeam"),
  accepts<TeamModelTraffic>()<Element<Element<Gateway["teams"]>["expectedTraffic"]>>(
    "gateway.teams[].expectedTraffic[] → TeamModelTraffic",
  ),
  accepts<UpgradeSpec>()<Omit<NonNullable<Gateway["upgrade"]>, "evaluation">>(
    "gateway.upgrade → UpgradeSpec",
  ),
  accepts<PlatformSemanticCacheSpec>()<NonNullable<Gateway["semanticCache"]>>(
    "gateway.semanticCache → PlatformSemanticCacheSpec",
  ),
  accepts<GatewayLlmLogging>()<NonNullable<Gateway["llmLogging"]>>("gateway.llmLogging → GatewayLlmLogging"),
  accepts<PlatformNetworkSpec>()<Omit<NetworkConfig, "enabled">>("network → PlatformNetworkSpec"),
];

/** A JSON Schema node: an object's properties, an array's items, alternatives. */
interface JsonNode {
  readonly properties?: Record<string, JsonNode>;
  readonly items?: JsonNode;
  readonly anyOf?: readonly JsonNode[];
}

/** The config keys at a path of the stack file's JSON Schema (`[]` steps into array items). */
function configKeysAt(root: JsonNode, path: readonly string[]): string[] {
  let node: JsonNode | undefined = root.properties?.config;
  for (const [i, step] of path.entries()) {
    const plain: JsonNode | undefined = node?.anyOf?.find((n) => n.properties || n.items) ?? node;
    const key = i === 0 ? `foundry-platform:${step}` : step;
    node = step === "[]" ? plain?.items : plain?.properties?.[key];
  }
  const plain = node?.anyOf?.find((n) => n.properties) ?? node;
  return Object.keys(plain?.properties ?? {});
}

/** The runtime half of the pairs above: config section, the package schema type, keys the program maps itself. */
const byKey: [string, readonly string[], string, readonly string[]][] = [
  [
    "accounts[].deployments[] → ModelDeploymentSpec",
    ["accounts", "[]", "deployments", "[]"],
    "ModelDeploymentSpec",
    [],
  ],
  [
    "accounts[].networkAcls → AccountNetworkAcls",
    ["accounts", "[]", "networkAcls"],
    "AccountNetworkAcls",
    [],
  ],
  [
    "accounts[].projects[] → FoundryProjectSpec",
    ["accounts", "[]", "projects", "[]"],
    "FoundryProjectSpec",
    [],
  ],
  [
    "accounts[].privateEndpoints[] → PrivateEndpointSpec",
    ["accounts", "[]", "privateEndpoints", "[]"],
    "PrivateEndpointSpec",
    [],
  ],
  [
    "accounts[].customerManagedKey → CustomerManagedKeySpec",
    ["accounts", "[]", "customerManagedKey"],
    "CustomerManagedKeySpec",
    [],
  ],
  ["accounts[].lock → LockSpec", ["accounts", "[]", "lock"], "LockSpec", []],
  [
    "accounts[].roleAssignments[] → RoleAssignmentSpec",
    ["accounts", "[]", "roleAssignments", "[]"],
    "RoleAssignmentSpec",
    [],
  ],
  // An account's identities are a list of ids in config, `managedIdentities` in the spec.
  [
    "accounts[] → PlatformAccountSpec",
    ["accounts", "[]"],
    "PlatformAccountSpec",
    ["userAssignedIdentityResourceIds"],
  ],
  ["customModels[] → CustomModelSpec", ["customModels", "[]"], "CustomModelSpec", []],
  ["observability.alerts → AlertThresholds", ["observability", "alerts"], "AlertThresholds", []],
  ["budget (amount defaulted per environment) → PlatformBudgetSpec", ["budget"], "PlatformBudgetSpec", []],
  ["access → AccessGroupsSpec", ["access"], "AccessGroupsSpec", ["automationIdentities"]],
  ["gateway → PlatformGatewaySpec", ["gateway"], "PlatformGatewaySpec", ["enabled"]],
  ["gateway.teams[] → GatewayTeam", ["gateway", "teams", "[]"], "GatewayTeam", []],
  [
    "gateway.semanticCache → PlatformSemanticCacheSpec",
    ["gateway", "semanticCache"],
    "PlatformSemanticCacheSpec",
    [],
  ],
  ["gateway.llmLogging → GatewayLlmLogging", ["gateway", "llmLogging"], "GatewayLlmLogging", []],
  ["network → PlatformNetworkSpec", ["network"], "AiNetworkOptions", ["enabled"]],
];

describe("stack config schema against the component arguments", () => {
  it("proves at compile time that every section passed on unchanged is a valid component argument", () => {
    // The proof is the compilation of the list above; each pair is listed once.
    assert.equal(new Set(proven).size, proven.length);
  });

  it("names every config key as the component argument it becomes (package schema)", () => {
    const types = (JSON.parse(fs.readFileSync(schemaFile, "utf8")) as PackageSpec).types;
    const stackFile = stackFileJsonSchema() as JsonNode;
    for (const [label, path, type, mapped] of byKey) {
      const keys = configKeysAt(stackFile, path);
      assert.ok(keys.length > 0, `${label}: no config keys at ${path.join(".")}`);
      const properties = Object.keys(types[`foundry-platform:index:${type}`]?.properties ?? {});
      const unknown = keys.filter((k) => !properties.includes(k) && !mapped.includes(k));
      assert.deepEqual(unknown, [], `${label}: config keys that are not ${type} properties`);
    }
  });
});
