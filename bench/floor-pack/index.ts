/**
 * The protocol floor for `npm run bench`: a policy pack with one rule of each kind that reads
 * nothing, started and driven exactly as the real pack is. What it costs per resource is the
 * Pulumi policy SDK's and gRPC's share; the real pack's time above it is its rules'.
 */
import { PolicyPack } from "@pulumi/policy";
import { memoizeSdkDeserialization } from "../../policies/lib/sdk-cache";

memoizeSdkDeserialization();

new PolicyPack("bench-floor", {
  enforcementLevel: "advisory",
  policies: [
    { name: "floor-resource", description: "Judges nothing.", validateResource: () => undefined },
    { name: "floor-stack", description: "Judges nothing.", validateStack: () => undefined },
  ],
});
