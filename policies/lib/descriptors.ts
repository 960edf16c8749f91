/** The descriptors (`displayName`, `description`) an API Management API or product leaves empty. */
import { asString } from "./values";

export function missingDescriptors(props: Record<string, unknown>): string[] {
  return ["displayName", "description"].filter((k) => (asString(props[k]) ?? "").trim() === "");
}
