import {
  findModel,
  isDeploymentType,
  isProvisioned,
  modelNames,
  ptuSizing,
} from "../../../components/catalog";
import { aiDeploymentView } from "../../lib/azure";
import { resourceRule } from "../../lib/rule";
import { types } from "../../lib/types";

/**
 * Deployments of a model or version the library's catalog does not hold (a custom, fine-tuned or
 * partner model, or one newer than the catalog) are reported, never passed silently: the lifecycle,
 * PTU sizing and price checks cannot judge them.
 */
export const aiDeploymentUncataloguedModel = resourceRule({
  name: "ai-deployment-uncatalogued-model",
  description:
    "A model deployment whose model or version is not in the library's model catalog (a custom, fine-tuned or partner model, or one released after the catalog), or a provisioned deployment of a model without published PTU sizing, is reported. Its retirement date, successor, PTU sizing and prices are not checked against Microsoft's published facts, so the lifecycle and cost rules cannot judge it.",
  severity: "low",
  remediationSteps:
    "If the model is meant to be used, declare it under `customModels` in the stack config with its format, deployment types and PTU sizes (docs/models.md), keep this finding advisory, and review its lifecycle by hand; or update the catalog (components/catalog/models) with sourced facts so every check applies.",
  references: { waf: "Operational Excellence" },
  resourceTypes: [types.aiDeployment, types.genericResource],
  validate: (props, args, report) => {
    const view = aiDeploymentView(args.type, props);
    const model = view?.modelName;
    if (!view || model === undefined) {
      return;
    }
    const format = view.modelFormat;
    const info = findModel(model);
    if (!info) {
      report(
        `model '${model}'${format ? ` (format ${format})` : ""} is not in the model catalog: its lifecycle, PTU sizing and prices are not judged. Catalogued: ${modelNames().length} models, for example ${modelNames().slice(0, 3).join(", ")}.`,
      );
      return;
    }
    const version = view.modelVersion;
    if (version !== undefined && !info.versions.some((v) => v.version === version)) {
      report(
        `version '${version}' of ${model} is not in the model catalog (catalogued: ${info.versions.map((v) => v.version).join(", ")}): its lifecycle is not judged.`,
      );
    }
    const type = view.skuName;
    if (type !== undefined && isDeploymentType(type) && isProvisioned(type) && !ptuSizing(model, type)) {
      report(
        `${model} on ${type}: no PTU sizing is published for it, so its capacity is not checked against Azure's minimum and step.`,
      );
    }
  },
});
