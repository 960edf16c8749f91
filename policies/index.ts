/**
 * The foundry-platform policy pack. Run by `pulumi preview|up --policy-pack policies` and by the
 * offline `plan` and `check` tools, which start it the same way and talk to it over the analyzer
 * gRPC protocol. Per-environment levels and parameters live in `config/<env>.json`; with no config,
 * every rule is mandatory (`lib/defaults.ts`).
 */
import { PolicyPack } from "@pulumi/policy";
import { packEnforcementLevel } from "./lib/defaults";
import { memoizeSdkDeserialization } from "./lib/sdk-cache";
import { policies } from "./policies";

memoizeSdkDeserialization();

new PolicyPack("foundry-platform", {
  policies,
  enforcementLevel: packEnforcementLevel,
  description: "Governance and cost guardrails for Microsoft Foundry platforms.",
});
