/**
 * The canary candidate against the model catalog: the candidate model and version must exist and be
 * offered on the stable deployment's type (with its capacity), like any deployment. Checked at
 * config time so a typo in `candidateModel` reads as a config error with its key path.
 */
import { z } from "zod";
import { CustomModelSpec } from "../../components/catalog/custom";
import { catalogProblems } from "../../components/catalog/validate";
import { planCanary } from "../../components/gateway/canary";
import { AccountConfig } from "./accounts";
import { GatewayConfig } from "./gateway";

export function canaryCatalogIssues(
  config: { readonly accounts: readonly AccountConfig[]; readonly gateway?: GatewayConfig },
  on: Date,
  ctx: z.RefinementCtx,
  customModels?: readonly CustomModelSpec[],
): void {
  const upgrade = config.gateway?.upgrade;
  if (!upgrade) {
    return;
  }
  const { plans, problems } = planCanary(config.accounts, {
    ...upgrade,
    weightPercent: Math.max(upgrade.weightPercent, 1),
  });
  if (problems.length > 0) {
    return; // reported by the gateway section's checks
  }
  const reported = new Set<string>();
  for (const plan of plans) {
    for (const p of catalogProblems(plan.candidate, on, customModels)) {
      const key =
        p.path[0] === "model" ? "candidateModel" : p.path[0] === "version" ? "candidateVersion" : undefined;
      if (p.severity !== "error" || reported.has(p.message)) {
        continue;
      }
      reported.add(p.message);
      ctx.addIssue({
        code: "custom",
        path: ["gateway", "upgrade", ...(key ? [key] : [])],
        input:
          key === "candidateModel"
            ? plan.candidate.model
            : key === "candidateVersion"
              ? plan.candidate.version
              : upgrade,
        message: `candidate in account '${plan.account}': ${p.message}`,
      });
    }
  }
}
