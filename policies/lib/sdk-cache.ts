/**
 * The policy SDK (@pulumi/policy 1.x, server.js) deserializes a resource's properties from their
 * protobuf Struct once per policy: for each of the pack's resource policies on every Analyze call,
 * and for every resource of the stack for each stack policy on AnalyzeStack. With 50 policies that
 * is most of the pack's time. The Struct of one request is the same object for every policy, so
 * this memoizes `deserializeProperties` per Struct (a WeakMap: entries go with the request). Each
 * policy still wraps the shared plain value in its own unknown-checking proxy, and no rule writes
 * to its props. If the SDK's module is not shaped as expected, nothing is patched.
 */

interface DeserializeModule {
  deserializeProperties: (struct: object, proxySecrets: boolean) => unknown;
  __foundryPlatformMemoized?: boolean;
}

/** Installs the memo once; returns whether it is in place. */
export function memoizeSdkDeserialization(): boolean {
  let mod: DeserializeModule;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    mod = require("@pulumi/policy/deserialize") as DeserializeModule;
  } catch {
    return false;
  }
  if (mod.__foundryPlatformMemoized) {
    return true;
  }
  const original = mod.deserializeProperties;
  if (typeof original !== "function") {
    return false;
  }
  const memo = [new WeakMap<object, unknown>(), new WeakMap<object, unknown>()];
  mod.deserializeProperties = (struct, proxySecrets) => {
    if (typeof struct !== "object" || struct === null) {
      return original(struct, proxySecrets);
    }
    const cache = memo[proxySecrets ? 1 : 0];
    if (cache.has(struct)) {
      return cache.get(struct);
    }
    const value = original(struct, proxySecrets);
    cache.set(struct, value);
    return value;
  };
  mod.__foundryPlatformMemoized = true;
  return true;
}
