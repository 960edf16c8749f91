/**
 * Model deployments (`Microsoft.CognitiveServices/accounts/deployments`) as rules read them: the
 * same shape in inputs (Analyze) and outputs (AnalyzeStack): `sku {name, capacity}`,
 * `properties.model {name, version}`, `properties.spilloverDeploymentName`.
 *
 * Each reader touches only the properties it returns, so a value unknown during preview (which
 * makes the SDK's proxy throw its UnknownValueError) stops only the rules that need it.
 */
import { DeploymentType, isDeploymentType } from "../../components/catalog";
import { asNumber, asRecord, asString, at } from "./values";

type Props = Record<string, unknown>;

export interface DeploymentSku {
  /** `sku.name` as given. */
  readonly skuName?: string;
  /** `sku.name` when it is a deployment type the catalog knows. */
  readonly type?: DeploymentType;
  /** `sku.capacity`: thousands of TPM for standard types, PTUs for provisioned types. */
  readonly capacity?: number;
}

/** The deployment type (sku name); capacity is read separately (see `capacityOf`). */
export function deploymentType(props: Props): Pick<DeploymentSku, "skuName" | "type"> {
  const skuName = asString(asRecord(props.sku)?.name);
  return { skuName, type: skuName !== undefined && isDeploymentType(skuName) ? skuName : undefined };
}

export function capacityOf(props: Props): number | undefined {
  return asNumber(asRecord(props.sku)?.capacity);
}

export function modelOf(props: Props): { readonly model?: string; readonly version?: string } {
  const model = asRecord(at(props, "properties", "model"));
  return { model: asString(model?.name), version: asString(model?.version) };
}

export function spilloverOf(props: Props): string | undefined {
  return asString(at(props, "properties", "spilloverDeploymentName"));
}

/** Deployment name: the `deploymentName` input, else the `name` output. */
export function deploymentNameOf(props: Props): string | undefined {
  return asString(props.deploymentName) ?? asString(props.name);
}
