import * as pulumi from "@pulumi/pulumi";

/**
 * The options with an alias to the type token the component had before it joined the component
 * package (`foundry-platform:<module>:<Name>`, now `foundry-platform:index:<Name>`), so stacks
 * deployed with the old token move to the new one without replacing anything: Pulumi carries a
 * parent's alias to its children ("aliases" resource option,
 * https://www.pulumi.com/docs/iac/concepts/resources/options/aliases/).
 */
export function withFormerType(
  opts: pulumi.ComponentResourceOptions,
  formerType: string,
): pulumi.ComponentResourceOptions {
  return { ...opts, aliases: [...(opts.aliases ?? []), { type: formerType }] };
}
