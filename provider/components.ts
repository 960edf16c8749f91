/**
 * What the component package publishes: the components platform teams hand to app teams, served to
 * every Pulumi language by the package's entry (`index.ts`, run by `PulumiPlugin.yaml`).
 */
import {
  AccessControl,
  AiGateway,
  AiPlatform,
  CostControls,
  FoundryAccount,
  Observability,
} from "../components/index";
import { AiNetwork } from "../components/network/network";

/** The package name: types are `foundry-platform:index:<Component>` and the SDKs `foundry-platform` / `pulumi_foundry_platform`. */
export const packageName = "foundry-platform";

/** The published components, in the order the schema and the docs list them. */
export const publishedComponents = [
  AiPlatform,
  FoundryAccount,
  AiGateway,
  AiNetwork,
  Observability,
  CostControls,
  AccessControl,
] as const;
