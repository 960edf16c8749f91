/**
 * Pulumi's wire form of property values: secret markers, unknowns, and how to show them.
 * The signature constants are Pulumi's (`@pulumi/pulumi/runtime/rpc`).
 */
import { WireProperties, WireValue } from "./model";

export const sigKey = "4dabf18193072939515e22adb298388d";
export const secretSig = "1b47061264138c4ac30d75fd1eb44270";
export const unknownValue = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** How every secret prints, in every output format. */
export const secretText = "[secret]";

export function isSecretValue(v: WireValue | undefined): v is { [key: string]: WireValue } {
  return typeof v === "object" && v !== null && !Array.isArray(v) && v[sigKey] === secretSig;
}

/** Wraps a value as a secret. */
export function secretOf(value: WireValue): WireValue {
  return { [sigKey]: secretSig, value };
}

/** The properties with every secret replaced by `[secret]` and unknowns by `[unknown]`. */
export function redact(props: WireProperties): WireProperties {
  return redactValue(props) as WireProperties;
}

export function redactValue(v: WireValue): WireValue {
  if (isSecretValue(v)) {
    return secretText;
  }
  if (v === unknownValue) {
    return "[unknown]";
  }
  if (Array.isArray(v)) {
    return v.map(redactValue);
  }
  if (typeof v === "object" && v !== null) {
    const out: { [key: string]: WireValue } = {};
    for (const key of Object.keys(v).sort()) {
      out[key] = redactValue(v[key]);
    }
    return out;
  }
  return v;
}
