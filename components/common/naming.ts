/**
 * Azure naming rules for the resources this library names, and a deterministic name builder.
 *
 * Rules come from "Naming rules and restrictions for Azure resources"
 * (https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules).
 */
import { AzureRegion, regionShortName } from "./regions";

/**
 * A naming rule: length bounds and the allowed pattern, with the rule said in words.
 * @internal
 */
export interface NameRule {
  /** What the rule is for, as a user would say it. */
  readonly resource: string;
  readonly minLength: number;
  readonly maxLength: number;
  readonly pattern: RegExp;
  /** The allowed characters and shape, in words, for error messages. */
  readonly allowed: string;
}

/** @internal */
export const nameRules = {
  resourceGroup: {
    resource: "resource group",
    minLength: 1,
    maxLength: 90,
    pattern: /^[-\w.()]*[-\w()]$/,
    allowed: "letters, digits, '-', '_', '.', '(', ')'; must not end with '.'",
  },
  aiAccount: {
    resource: "AI Services account",
    minLength: 2,
    maxLength: 64,
    pattern: /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/,
    allowed: "letters, digits, '-', '_', '.'; must start with a letter or digit",
  },
  customSubDomain: {
    resource: "AI Services custom subdomain",
    minLength: 2,
    maxLength: 63,
    pattern: /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/,
    allowed: "lowercase letters, digits and '-'; must start and end with a letter or digit",
  },
  aiProject: {
    resource: "Foundry project",
    minLength: 2,
    maxLength: 64,
    pattern: /^[a-zA-Z0-9][a-zA-Z0-9_-]*$/,
    allowed: "letters, digits, '-', '_'; must start with a letter or digit",
  },
  modelDeployment: {
    resource: "model deployment",
    minLength: 2,
    maxLength: 64,
    pattern: /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/,
    allowed: "letters, digits, '-', '_', '.'; must start with a letter or digit",
  },
  apiManagement: {
    resource: "API Management service",
    minLength: 1,
    maxLength: 50,
    pattern: /^[a-zA-Z](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?$/,
    allowed: "letters, digits and '-'; must start with a letter and end with a letter or digit",
  },
  logAnalyticsWorkspace: {
    resource: "Log Analytics workspace",
    minLength: 4,
    maxLength: 63,
    pattern: /^[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?$/,
    allowed: "letters, digits and '-'; must start and end with a letter or digit",
  },
} satisfies Record<string, NameRule>;

/** @internal */
export type NameKind = keyof typeof nameRules;

/**
 * The problems with `name` under `rule`, as sentences; empty when the name is valid.
 * @internal
 */
export function nameProblems(rule: NameRule, name: string): string[] {
  const problems: string[] = [];
  if (name.length < rule.minLength || name.length > rule.maxLength) {
    problems.push(
      `'${name}' is ${name.length} character${name.length === 1 ? "" : "s"} long; ${rule.resource} names take ${rule.minLength} to ${rule.maxLength}`,
    );
  }
  if (name.length > 0 && !rule.pattern.test(name)) {
    problems.push(`'${name}' is not a valid ${rule.resource} name; allowed: ${rule.allowed}`);
  }
  return problems;
}

/**
 * Abbreviations from the Cloud Adoption Framework, used as the first part of a generated name.
 * @internal
 */
export const resourceAbbreviations = {
  resourceGroup: "rg",
  aiAccount: "aif",
  aiProject: "proj",
  apiManagement: "apim",
  logAnalyticsWorkspace: "log",
  applicationInsights: "appi",
  actionGroup: "ag",
  budget: "budget",
  redis: "redis",
} as const;

/** The workload and environment parts of generated names. */
export interface WorkloadNaming {
  /** Short workload name, for example `contoso`. */
  readonly workload: string;
  /** Environment, for example `dev`. */
  readonly environment: string;
}

/** The parts every generated name is made of: `<abbreviation>-<workload>-<environment>-<region>[-<name>]`. */
export interface NameParts extends WorkloadNaming {
  /** Region; its short code is part of the name. */
  readonly region: AzureRegion;
}

/**
 * Builds a deterministic resource name in the Cloud Adoption Framework order, lower case,
 * for example `aif-contoso-dev-sdc-main`.
 * @internal
 */
export function resourceName(abbreviation: string, parts: NameParts, instance?: string): string {
  const segments = [abbreviation, parts.workload, parts.environment, regionShortName(parts.region)];
  if (instance !== undefined && instance !== "") {
    segments.push(instance);
  }
  return segments.join("-").toLowerCase();
}
