import { resourceRule } from "../../lib/rule";
import { taggableTypes } from "../../lib/types";
import { asRecord, asString } from "../../lib/values";

interface Config {
  requiredTags?: string[];
}

const defaultTags = ["environment", "owner", "costCenter"];

/** Every taggable resource says which environment it serves, who owns it and who pays for it. */
export const governanceResourceRequiredTags = resourceRule({
  name: "governance-resource-required-tags",
  description:
    "Every taggable resource must carry the `environment`, `owner` and `costCenter` tags with non-empty values. Cost reports, budgets and incident routing group resources by these tags; an untagged resource is spend nobody answers for.",
  severity: "medium",
  remediationSteps:
    "Pass the platform's tags to the resource (`tags` on the SDK resource; foundry-platform components tag everything they create from the stack's `environment`, `owner` and `costCenter` config). `requiredTags` sets the tag keys this rule requires. Tags whose whole map is a secret cannot be read and are not judged.",
  configSchema: {
    properties: {
      requiredTags: {
        type: "array",
        items: { type: "string", minLength: 1 },
        default: defaultTags,
        description: "Tag keys every taggable resource must carry.",
      },
    },
  },
  references: { waf: "Cost Optimization" },
  resourceTypes: taggableTypes,
  validate: (props, args, report) => {
    const required = args.getConfig<Config>().requiredTags ?? defaultTags;
    const raw = props.tags;
    const tags = asRecord(raw);
    if (raw !== undefined && raw !== null && !tags) {
      return; // not a map (a secret placeholder): nothing can be read
    }
    const missing = required.filter((key) => !tags || !(key in tags));
    // Read through the property descriptor: a value unknown during preview (a sentinel string that
    // the SDK's proxy would throw on) is present, whatever it will be.
    const empty = required.filter(
      (key) => tags && asString(Object.getOwnPropertyDescriptor(tags, key)?.value)?.trim() === "",
    );
    const problems = [
      ...(missing.length > 0 ? [`missing ${missing.map((k) => `'${k}'`).join(", ")}`] : []),
      ...(empty.length > 0 ? [`empty ${empty.map((k) => `'${k}'`).join(", ")}`] : []),
    ];
    if (problems.length > 0) {
      report(`Required tags are ${problems.join("; ")}.`);
    }
  },
});
