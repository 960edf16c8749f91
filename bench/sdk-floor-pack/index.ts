/**
 * The policy SDK's floor for `npm run bench`: a pack with exactly the real pack's policies (names,
 * kinds, the type a stack policy waits for), each of which reads nothing. The policy SDK prepares
 * every resource for every policy, so what this pack costs above the protocol floor
 * (`../floor-pack`) is the SDK's share per policy; the real pack's time above this one is its rules'.
 */
import { PolicyPack, ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { memoizeSdkDeserialization } from "../../policies/lib/sdk-cache";
import { policies } from "../../policies/policies";

memoizeSdkDeserialization();

new PolicyPack("bench-sdk-floor", {
  enforcementLevel: "advisory",
  policies: policies.map((p): ResourceValidationPolicy | StackValidationPolicy => {
    const base = { name: p.name, description: p.description };
    if ("validateStack" in p && p.validateStack) {
      const trigger = (p.validateStack as { __pulumiType?: string }).__pulumiType;
      return {
        ...base,
        validateStack: Object.assign(() => undefined, trigger ? { __pulumiType: trigger } : {}),
      };
    }
    return { ...base, validateResource: () => undefined };
  }),
});
