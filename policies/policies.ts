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
];
