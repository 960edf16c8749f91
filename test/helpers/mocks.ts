/** Runs component code under the plan's Azure mocks and returns what it registered. */
import { runUnderMocks } from "../../cli/plan/capture";
import { PlannedResource } from "../../cli/model";

export async function capture(program: () => unknown, stack = "test"): Promise<PlannedResource[]> {
  const run = await runUnderMocks(program, {
    project: "foundry-platform",
    stack,
    config: {},
    secretKeys: [],
  });
  if (run.errors.length > 0) {
    throw new Error(run.errors.join("\n"));
  }
  return run.resources;
}

/** The errors a program raised under mocks. */
export async function captureErrors(program: () => unknown): Promise<string[]> {
  const run = await runUnderMocks(program, {
    project: "foundry-platform",
    stack: "test",
    config: {},
    secretKeys: [],
  });
  return run.errors;
}

export function ofType(resources: readonly PlannedResource[], type: string): PlannedResource[] {
  return resources.filter((r) => r.type === type);
}

/** True when `ancestor` is the parent, grandparent, ... of `r`. */
export function hasAncestor(
  resources: readonly PlannedResource[],
  r: PlannedResource,
  ancestor: string,
): boolean {
  const byUrn = new Map(resources.map((x) => [x.urn, x]));
  let parent = r.parent;
  while (parent) {
    if (parent === ancestor) {
      return true;
    }
    parent = byUrn.get(parent)?.parent;
  }
  return false;
}

/** A property path of wire-form inputs. */
export function prop(value: unknown, ...path: string[]): unknown {
  let node = value;
  for (const key of path) {
    node = node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined;
  }
  return node;
}

/** The type token of a resource class (`azure-native:cognitiveservices:Account`), read from the SDK. */
export function typeToken(resourceClass: object): string {
  const token = (resourceClass as { __pulumiType?: unknown }).__pulumiType;
  if (typeof token !== "string") {
    throw new Error("not a Pulumi resource class");
  }
  return token;
}
