/** What the pack says about itself over GetAnalyzerInfo, built from the same rule list and defaults. */
import { AnalyzerInfo, PolicyInfo } from "../../cli/analyzer/client";
import { packEnforcementLevel } from "../../policies/lib/defaults";
import { policies } from "../../policies/policies";

export const packInfo: AnalyzerInfo = {
  name: "foundry-platform",
  version: "0.1.0",
  policies: policies.map((p): PolicyInfo => ({
    name: p.name,
    description: p.description,
    enforcementLevel: p.enforcementLevel ?? packEnforcementLevel,
    severity: p.severity,
    remediationSteps: p.remediationSteps,
    configSchema: p.configSchema
      ? {
          properties: p.configSchema.properties as Record<string, unknown>,
          required: p.configSchema.required,
        }
      : undefined,
  })),
};
