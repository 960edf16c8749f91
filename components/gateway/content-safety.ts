/** Content Safety screening of prompts: the managed-identity backend and the identity's role on the resource. */
import * as pulumi from "@pulumi/pulumi";
import * as resources from "@pulumi/azure-native/resources";
import { assignRole } from "../common/role-assignment";
import { joinUrl, ServiceScope } from "./pools";
import { apimPreviewApiVersion } from "./telemetry";
import { cognitiveServicesAudience } from "./xml/documents";
import { ContentSafetyOptions } from "./xml/fragments";

/** Azure AI Content Safety screening of prompts (`llm-content-safety`); violations get 403. */
export interface GatewayContentSafety {
  /** Endpoint of the Content Safety resource, `https://<name>.cognitiveservices.azure.com/`. */
  readonly endpoint: pulumi.Input<string>;
  /** ARM id of the Content Safety resource; the gateway's identity gets Cognitive Services User on it. */
  readonly resourceId: pulumi.Input<string>;
  /**
   * Screen prompts for jailbreak attempts (Prompt Shields).
   * @default true
   */
  readonly shieldPrompt?: boolean;
  /**
   * Severity (0–7) at which each category blocks.
   * @default Hate, SelfHarm, Sexual, Violence at 4
   */
  readonly categories?: ContentSafetyThresholds;
  /**
   * Names of blocklists of the Content Safety resource to screen prompts with.
   * @default - none
   */
  readonly blocklists?: string[];
}

/** The severity (0–7) at which each Content Safety harm category blocks a prompt. */
export interface ContentSafetyThresholds {
  /**
   * Hate and fairness.
   * @default 4
   */
  readonly Hate?: number;
  /**
   * Self-harm.
   * @default 4
   */
  readonly SelfHarm?: number;
  /**
   * Sexual content.
   * @default 4
   */
  readonly Sexual?: number;
  /**
   * Violence.
   * @default 4
   */
  readonly Violence?: number;
}

/**
 * Problems with the content safety arguments, as sentences naming what to fix.
 * @internal
 */
export function contentSafetyProblems(cs: GatewayContentSafety | undefined): string[] {
  const problems: string[] = [];
  for (const [category, threshold] of Object.entries(cs?.categories ?? {})) {
    if (!(Number.isInteger(threshold) && threshold >= 0 && threshold <= 7)) {
      problems.push(
        `contentSafety.categories.${category}: threshold ${threshold} must be a whole number from 0 to 7`,
      );
    }
  }
  return problems;
}

/**
 * The Content Safety backend (managed-identity credentials) and the gateway identity's role on it.
 * Returns what the inference API policy needs.
 * @internal
 */
export function declareContentSafety(
  scope: ServiceScope,
  cs: GatewayContentSafety,
  principalId: pulumi.Input<string>,
): ContentSafetyOptions {
  const backendId = "content-safety";
  new resources.Resource(
    `${scope.name}-backend-content-safety`,
    {
      resourceGroupName: scope.resourceGroupName,
      resourceProviderNamespace: "Microsoft.ApiManagement",
      parentResourcePath: pulumi.interpolate`service/${scope.serviceName}`,
      resourceType: "backends",
      resourceName: backendId,
      apiVersion: apimPreviewApiVersion,
      properties: {
        url: joinUrl(cs.endpoint, ""),
        protocol: "http",
        description: "Azure AI Content Safety",
        tls: { validateCertificateChain: true, validateCertificateName: true },
        credentials: { managedIdentity: { resource: cognitiveServicesAudience } },
      },
    },
    { parent: scope.parent },
  );
  assignRole(
    `${scope.name}-content-safety-user`,
    {
      scope: cs.resourceId,
      principalId,
      principalType: "ServicePrincipal",
      roleDefinitionIdOrName: "Cognitive Services User",
      description: `AI gateway ${scope.name} screens prompts with Content Safety`,
    },
    { parent: scope.parent },
  );
  return {
    backendId,
    shieldPrompt: cs.shieldPrompt ?? true,
    categories: cs.categories ?? { Hate: 4, SelfHarm: 4, Sexual: 4, Violence: 4 },
    blocklists: cs.blocklists,
  };
}
