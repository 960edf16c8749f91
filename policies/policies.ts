/**
 * Every rule of the pack, in the order they are reported. Tests import this list directly; the
 * pack (`index.ts`) serves it.
 */
import { Rule } from "./lib/rule";
import { aiAccountDisableLocalAuth } from "./rules/ai/account-disable-local-auth";
// Security and governance, rules 1–13 of issue 7.
import { aiAccountRestrictNetworkAccess } from "./rules/ai/account-restrict-network-access";
import { aiAccountManagedIdentity } from "./rules/ai/account-managed-identity";
import { aiAccountCustomSubdomain } from "./rules/ai/account-custom-subdomain";
import { governanceResourceAllowedRegions } from "./rules/governance/resource-allowed-regions";
import { governanceResourceDiagnosticLogs } from "./rules/governance/resource-diagnostic-logs";
import { aiDeploymentApprovedModel } from "./rules/ai/deployment-approved-model";
import { aiDeploymentControlledVersionUpgrade } from "./rules/ai/deployment-controlled-version-upgrade";
import { aiDeploymentContentFilter } from "./rules/ai/deployment-content-filter";
import { aiDeploymentDataResidency } from "./rules/ai/deployment-data-residency";
import { apimServiceManagedIdentity } from "./rules/apim/service-managed-identity";
import { apimServiceDisableLegacyTls } from "./rules/apim/service-disable-legacy-tls";
import { apimApiHttpsOnly } from "./rules/apim/api-https-only";
import { apimBackendHttpsUrl } from "./rules/apim/backend-https-url";

import { aiDeploymentLifecycleRetired } from "./rules/ai/deployment-lifecycle-retired";
import { aiDeploymentLifecycleRetiring } from "./rules/ai/deployment-lifecycle-retiring";
import { aiDeploymentUncataloguedModel } from "./rules/ai/deployment-uncatalogued-model";
import { apimApiTokenLimit } from "./rules/apim/api-token-limit";
import { apimBackendManagedIdentity } from "./rules/apim/backend-managed-identity";
import { apimPolicyBase } from "./rules/apim/policy-base";
import { apimProductAiLimits } from "./rules/apim/product-ai-limits";
import { apimProductNoSample } from "./rules/apim/product-no-sample";
import { apimProductSubscriptionRequired } from "./rules/apim/product-subscription-required";
import { costDeploymentPtuProtected } from "./rules/cost/deployment-ptu-protected";
import { costDeploymentPtuSizing } from "./rules/cost/deployment-ptu-sizing";
import { costDeploymentPtuSpillover } from "./rules/cost/deployment-ptu-spillover";
import { costDeploymentStandardCapacity } from "./rules/cost/deployment-standard-capacity";
import { costStackBudget } from "./rules/cost/stack-budget";
import { costStackPtuTotal } from "./rules/cost/stack-ptu-total";
import { governanceResourceRequiredTags } from "./rules/governance/resource-required-tags";
import { rbacRoleAssignmentDataPlanePrincipal } from "./rules/rbac/role-assignment-data-plane-principal";
import { rbacRoleAssignmentNoPrivilegedRole } from "./rules/rbac/role-assignment-no-privileged-role";
// Issue 10: the private network path and gateway-only data access.
import { networkApimBackendReachable } from "./rules/network/apim-backend-reachable";
import { rbacRoleAssignmentGatewayOnly } from "./rules/rbac/role-assignment-gateway-only";

// Parity with PSRule for Azure and Azure Policy, every request path, exceptions (issue 15).
import { aiAccountPrivateEndpoint } from "./rules/ai/account-private-endpoint";
import { aiAccountCustomerManagedKey } from "./rules/ai/account-customer-managed-key";
import { aiAccountCustomerOwnedStorage } from "./rules/ai/account-customer-owned-storage";
import { governanceResourceNaming } from "./rules/governance/resource-naming";
import { governanceResourceExceptionTag } from "./rules/governance/resource-exception-tag";
import { apimSubscriptionScope } from "./rules/apim/subscription-scope";
import { apimApiCallerAuthenticated } from "./rules/apim/api-caller-authenticated";
import { apimBackendAuthenticated } from "./rules/apim/backend-authenticated";
import { apimBackendTlsValidation } from "./rules/apim/backend-tls-validation";
import { apimNamedValueKeyVault } from "./rules/apim/named-value-key-vault";
import { apimPolicyCorsNoWildcard } from "./rules/apim/policy-cors-no-wildcard";
import { apimServiceDisableWeakCiphers } from "./rules/apim/service-disable-weak-ciphers";
import { apimServiceMinApiVersion } from "./rules/apim/service-min-api-version";
import { apimServicePlatformVersion } from "./rules/apim/service-platform-version";
import { apimServiceCertificateExpiry } from "./rules/apim/service-certificate-expiry";
import { apimServiceAvailabilityZones } from "./rules/apim/service-availability-zones";
import { apimServiceMultiRegion } from "./rules/apim/service-multi-region";
import { apimProductApprovalRequired } from "./rules/apim/product-approval-required";
import { apimApiDescription } from "./rules/apim/api-description";
import { apimProductDescription } from "./rules/apim/product-description";
import { apimApiDefender } from "./rules/apim/api-defender";
// Issue 14: the promotion gate of canary upgrades.
import { aiDeploymentCanaryEvaluated } from "./rules/ai/deployment-canary-evaluated";

export const policies: Rule[] = [
  aiAccountDisableLocalAuth,
  // Security and governance, rules 1–13 of issue 7.
  aiAccountRestrictNetworkAccess,
  aiAccountManagedIdentity,
  aiAccountCustomSubdomain,
  governanceResourceAllowedRegions,
  governanceResourceDiagnosticLogs,
  aiDeploymentApprovedModel,
  aiDeploymentControlledVersionUpgrade,
  aiDeploymentContentFilter,
  aiDeploymentDataResidency,
  apimServiceManagedIdentity,
  apimServiceDisableLegacyTls,
  apimApiHttpsOnly,
  apimBackendHttpsUrl,
  // End of rules 1–13.

  // Issue 7, rules 14-26: API Management gateway, RBAC, tags, cost guardrails, model lifecycle.
  apimApiTokenLimit,
  apimBackendManagedIdentity,
  apimPolicyBase,
  apimProductSubscriptionRequired,
  apimProductNoSample,
  apimProductAiLimits,
  rbacRoleAssignmentNoPrivilegedRole,
  rbacRoleAssignmentDataPlanePrincipal,
  governanceResourceRequiredTags,
  costDeploymentPtuSizing,
  costDeploymentPtuProtected,
  costDeploymentPtuSpillover,
  costStackPtuTotal,
  costDeploymentStandardCapacity,
  costStackBudget,
  aiDeploymentLifecycleRetiring,
  aiDeploymentLifecycleRetired,
  // Issue 10: the private network path and gateway-only data access.
  networkApimBackendReachable,
  rbacRoleAssignmentGatewayOnly,
  // Issue 11: models the catalog does not hold (custom, partner, newer) are reported, never passed silently.
  aiDeploymentUncataloguedModel,

  // Issue 15: parity with PSRule for Azure and Azure Policy, every request path, exceptions.
  aiAccountPrivateEndpoint,
  aiAccountCustomerManagedKey,
  aiAccountCustomerOwnedStorage,
  governanceResourceNaming,
  governanceResourceExceptionTag,
  apimSubscriptionScope,
  apimApiCallerAuthenticated,
  apimBackendAuthenticated,
  apimBackendTlsValidation,
  apimNamedValueKeyVault,
  apimPolicyCorsNoWildcard,
  apimServiceDisableWeakCiphers,
  apimServiceMinApiVersion,
  apimServicePlatformVersion,
  apimServiceCertificateExpiry,
  apimServiceAvailabilityZones,
  apimServiceMultiRegion,
  apimProductApprovalRequired,
  apimApiDescription,
  apimProductDescription,
  apimApiDefender,

  // Issue 14: the promotion gate of canary upgrades.
  aiDeploymentCanaryEvaluated,
];
