/**
 * foundry-platform: Pulumi components for running AI in production on Microsoft Foundry.
 *
 * The public API, by name. Anything else exported by the modules below carries the `internal` doc
 * tag and is left out of the published declarations (`stripInternal`); `test/components/public-api.test.ts`
 * holds both lists to this.
 *
 * Order matters to the component package: its schema inference (`@pulumi/pulumi`'s Analyzer) reads
 * the doc comments of a file only once it has visited it, walking the exports below in order, and
 * describes a type with what it has read when a component first uses it. So the modules that only
 * declare types come first, then the components, each after the components whose types it uses
 * (`AiPlatform` last).
 */

// ── Shared types: naming, environments, regions, tags, the Azure Verified Modules interface ──────
export { Environment, environments } from "./common/environment";
export { AzureRegion, isAzureRegion, regionNames } from "./common/regions";
export type { NameParts, WorkloadNaming } from "./common/naming";
export type { Tags } from "./common/tags";
export { LockKind, PrincipalType } from "./common/avm";
export type {
  CustomerManagedKeySpec,
  DiagnosticSettingSpec,
  LockSpec,
  LogCategorySpec,
  ManagedIdentitiesSpec,
  MetricCategorySpec,
  PrivateEndpointSpec,
  RoleAssignmentSpec,
} from "./common/avm";

// ── Models and deployments ───────────────────────────────────────────────────────────────────────
export { DeploymentType, deploymentTypes, VersionUpgradeOption } from "./catalog/deployment-types";
export { Capability } from "./catalog/types";
export type { PtuSizing } from "./catalog/types";
export { RoutingMode } from "./catalog/validate";
export type { CustomModelPtu, CustomModelSpec } from "./catalog/custom";
export { PtuPricing } from "./cost/traffic";
export type { ExpectedTraffic } from "./cost/traffic";
export { defaultRaiPolicyName } from "./foundry/deployments";
export type {
  DeployedModel,
  DeployedRoutedModel,
  DeployedRouting,
  DeploymentResource,
  ModelDeploymentSpec,
  ModelRoutingSpec,
  RoutedModelSpec,
} from "./foundry/deployments";

// ── Gateway settings ─────────────────────────────────────────────────────────────────────────────
export { GatewaySku } from "./gateway/sku";
export type { AiGatewayArgs, AiGatewayOptions, GatewayVirtualNetwork } from "./gateway/args";
export type { GatewayDeploymentRef, GatewayRedisSpec, GatewaySemanticCache } from "./gateway/cache";
export type { UpgradeSpec } from "./gateway/canary";
export type { ContentSafetyThresholds, GatewayContentSafety } from "./gateway/content-safety";
export { defaultCircuitBreakerRule, defaultProvisionedCircuitBreakerRule } from "./gateway/pools";
export type { CircuitBreakerRuleSpec, StatusCodeRange } from "./gateway/pools";
export type { GatewayTeam } from "./gateway/products";
export type { CanaryWeight, GatewayModelTarget } from "./gateway/targets";
export type { GatewayApplicationInsights, GatewayLlmLogging } from "./gateway/telemetry";
export type { TeamModelTraffic } from "./gateway/traffic";
export { GatewayNetworkMode, GatewayVirtualNetworkType } from "./network/facts";

// ── Monitoring and cost settings ─────────────────────────────────────────────────────────────────
export { AlertWindowMinutes, defaultAlertThresholds, LogCategoryGroup } from "./observability/settings";
export type { AlertThresholds } from "./observability/settings";
export type { MonitoredDeployment } from "./observability/alerts";
export type { ChargebackSpec, ChargebackTeam } from "./observability/chargeback";
export type { ModelTokenPrice } from "./cost/chargeback";

// ── Components (each after those whose types it uses) ────────────────────────────────────────────
export {
  FoundryAccount,
  inferenceRole,
  NetworkRuleAction,
  NetworkRuleBypass,
  strictContentFilters,
} from "./foundry/account";
export type {
  AccountNetworkAcls,
  ContentFilterSpec,
  FoundryAccountArgs,
  FoundryAccountOptions,
  FoundryProjectSpec,
} from "./foundry/account";
export { AiGateway } from "./gateway/gateway";
export { AiNetwork } from "./network/network";
export type { AiNetworkArgs, AiNetworkOptions } from "./network/network";
export { MonitoredResourceKind, Observability } from "./observability/observability";
export type {
  MonitoredResource,
  NotificationTargets,
  ObservabilityArgs,
  ObservabilityOptions,
  WebhookReceiver,
} from "./observability/observability";
export { CostControls } from "./observability/cost";
export type { CostControlsArgs } from "./observability/cost";
export { AccessControl, accessGroups, HumanDataAccess } from "./access/access-control";
export type {
  AccessControlArgs,
  AccessGroup,
  AccessGroupObjectIds,
  AccessGroupSpec,
  AccessGroupsSpec,
  AccessTarget,
  AutomationIdentitySpec,
} from "./access/access-control";
export { AiPlatform } from "./platform";
export type {
  AiPlatformArgs,
  PlatformAccountSpec,
  PlatformBudgetSpec,
  PlatformGatewaySpec,
  PlatformNetworkSpec,
  PlatformObservabilitySpec,
  PlatformSemanticCacheSpec,
} from "./platform";

// ── Model selection: workload contracts → ranked candidates with reasons (pure) ──────────────────
export {
  contractProblems,
  workloadLatencies,
  workloadNeeds,
  workloadResidencies,
  workloadRoutings,
  workloadSafetyLevels,
  workloadTasks,
} from "./select/contract";
export type {
  ContractProblem,
  WorkloadContract,
  WorkloadLatency,
  WorkloadNeed,
  WorkloadRouting,
  WorkloadSafety,
  WorkloadTask,
  WorkloadTraffic,
} from "./select/contract";
export type { EnvironmentLimits } from "./select/requirements";
export { selectModels } from "./select/select";
export type { CandidatePlan, ModelCandidate, Rejection, Selection } from "./select/types";
