/**
 * The stack config schema and the components' arguments are one contract. Each section the program
 * hands to a component as it is must be assignable to the argument type the component declares:
 * `accepts<Spec>()<Config>()` compiles only while it is (`tsc --noEmit`, in CI), and when a property
 * drifts the compiler names it. The run-time half checks the same pairs key by key against the
 * component package's schema (test/provider/schema.test.ts builds it from the same types).
 */
import * as assert from "node:assert/strict";
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
} from "../../components";
import type { AccessConfig } from "../../stacks/config/access";
import type { AccountConfig, DeploymentConfig } from "../../stacks/config/accounts";
import type { BudgetConfig } from "../../stacks/config/budget";
import type { CustomModelConfig } from "../../stacks/config/custom-models";
import type { GatewayConfig } from "../../stacks/config/gateway";
import type { NetworkConfig } from "../../stacks/config/network";
import type { ObservabilityConfig } from "../../stacks/config/observability";

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

describe("stack config schema against the component arguments", () => {
  it("proves at compile time that every section passed on unchanged is a valid component argument", () => {
    // The proof is the compilation of the list above; this records that each pair was listed once.
    assert.equal(new Set(proven).size, proven.length);
  });
});
