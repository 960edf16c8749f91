/**
 * The pack fails closed: a rule that no policy config names runs at this level. So
 * `pulumi preview --policy-pack policies` without `--policy-pack-config`, the offline tools on a
 * stack with no config of its own, and a config file that leaves a newly added rule out all block
 * on what the rules find. Relaxing a rule (advisory or disabled) is an explicit line in a config
 * file. Rules do not set a level of their own; a test holds every rule to this one.
 */
import type { EnforcementLevel } from "@pulumi/policy";

export const packEnforcementLevel: EnforcementLevel = "mandatory";
