/**
 * The error a component throws when its arguments are invalid: every problem at once, one per
 * line, each naming the component. It carries the problems as data too, so that a program that
 * built the arguments from its own configuration can point each one at the key it came from
 * (the platform's stack does: `stacks/config/component-problems.ts`).
 */
import * as pulumi from "@pulumi/pulumi";

export class ComponentArgsError extends pulumi.ResourceError {
  /** The component's class, for example `AiNetwork`. */
  readonly component: string;
  /** The component's logical name, for example `platform-network`. */
  readonly componentName: string;
  /** What is wrong, one sentence each, naming the argument and how to fix it. */
  readonly problems: readonly string[];

  constructor(
    component: string,
    componentName: string,
    problems: readonly string[],
    resource: pulumi.Resource | undefined,
  ) {
    // A configuration mistake, not a bug: no stack trace.
    super(problems.map((p) => `${component} '${componentName}': ${p}`).join("\n"), resource, true);
    this.name = "ComponentArgsError";
    this.component = component;
    this.componentName = componentName;
    this.problems = [...problems];
  }

  /** Whether `err` is one, also across copies of this module (a program and a tool may each load one). */
  static isInstance(err: unknown): err is ComponentArgsError {
    return (
      err instanceof Error &&
      err.name === "ComponentArgsError" &&
      Array.isArray((err as { problems?: unknown }).problems) &&
      typeof (err as { component?: unknown }).component === "string"
    );
  }
}
