/**
 * Runs a Pulumi program in-process under mocks and captures every resource it registers, the way
 * the engine receives it: type, name, URN, parent, inputs, options and dependencies.
 */
import * as pulumi from "@pulumi/pulumi";
import * as settings from "@pulumi/pulumi/runtime/settings";
import type * as resproto from "@pulumi/pulumi/proto/resource_pb";
import type { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { PlannedResource, WireProperties } from "../model";
import { AzureMocks } from "./mocks";

type Callback = (err: Error | null, resp?: resproto.RegisterResourceResponse) => void;

interface MockMonitorInternals {
  registerResource(req: resproto.RegisterResourceRequest, callback: Callback): Promise<void>;
  newUrn(parent: string, type: string, name: string): string;
  getRegisteredResources(): Map<string, { urn: string; id: string | null; state: unknown }>;
}

export interface ProgramRun {
  /** Resources in registration order. */
  readonly resources: PlannedResource[];
  /** Errors the program raised (config mistakes, component validation), as messages. */
  readonly errors: string[];
  /** The same errors as raised, for callers that know some kinds (a config error keeps its problems). */
  readonly thrown: readonly unknown[];
}

function structToJs(s: Struct | undefined): WireProperties {
  return (s?.toJavaScript() ?? {}) as WireProperties;
}

function asWire(state: unknown): WireProperties {
  if (state && typeof (state as Struct).toJavaScript === "function") {
    return structToJs(state as Struct);
  }
  return (state ?? {}) as WireProperties;
}

/** The message of an error a program threw, without a stack trace. */
export function errorMessage(err: unknown): string {
  if (err instanceof Error) {
    return err.message;
  }
  return String(err);
}

/** A registration as the engine receives it, converted at once so the request can be collected. */
function plannedOf(req: resproto.RegisterResourceRequest, urn: string): PlannedResource {
  const inputs = structToJs(req.getObject());
  const propertyDependencies: Record<string, string[]> = {};
  req.getPropertydependenciesMap().forEach((deps, key) => {
    propertyDependencies[key] = deps.getUrnsList();
  });
  const provider = req.getProvider();
  return {
    urn,
    type: req.getType(),
    name: req.getName(),
    custom: req.getCustom(),
    parent: req.getParent() || undefined,
    inputs,
    // A custom resource's outputs are the mocks' state, read when the run is over.
    outputs: inputs,
    options: {
      protect: req.getProtect() ?? false,
      retainOnDelete: req.getRetainondelete() ?? false,
      dependsOn: req.getDependenciesList(),
      ...(provider ? { provider } : {}),
    },
    propertyDependencies,
  };
}

/**
 * Makes the stack traces nobody reads cheap for the length of a run, and returns what restores
 * them. The Pulumi SDK takes `new Error().stack` for every promise it creates (for its leak report,
 * which a plan never prints), several per resource property; with source maps on (esbuild-register
 * turns them on for TypeScript programs and tests) each of those strings also costs a source-map
 * lookup per frame. Together that was about half the time and most of the memory of a large plan.
 * Nothing is lost: a program's errors are reported by their message, and the SDK's source position
 * of each resource (`Resource.callsites`, which raises the limit for itself) is not used offline.
 */
function quietStackTraces(): () => void {
  const limit = Error.stackTraceLimit;
  const sourceMaps = process.sourceMapsEnabled;
  Error.stackTraceLimit = 0;
  process.setSourceMapsEnabled(false);
  return () => {
    Error.stackTraceLimit = limit;
    process.setSourceMapsEnabled(sourceMaps);
  };
}

type MergeOptions = (...args: unknown[]) => { aliases?: unknown } | undefined;

/**
 * Leaves aliases out of the resources registered during a run, and returns what puts them back.
 * An alias only tells the engine which existing state a resource used to be: a plan under mocks has
 * no state, the capture does not record aliases and the policy pack never sees them, so the plan is
 * the same without them. But azure-native gives every resource about twenty type aliases (one per
 * older API version, through `pulumi.mergeOptions`), and the SDK's resource constructor turns each
 * into Outputs that all stay alive until the program's registrations settle: two thirds of the time
 * and memory of a large plan, growing faster than the resource count (a fleet of 1,000 deployments:
 * 15 s of CPU and 1.2 GB without this, 4 s and 0.3 GB with it). `mergeOptions` is read from the SDK's
 * module object at each call, so its result is filtered there; a Pulumi SDK whose export cannot be
 * replaced plans the same, only slower (a test notices).
 */
function withoutAliases(): () => void {
  // The SDK's CommonJS exports object itself (an ES namespace import would be a copy).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const sdk = require("@pulumi/pulumi") as Record<string, unknown>;
  const own = Object.getOwnPropertyDescriptor(sdk, "mergeOptions");
  if (!own?.writable || typeof own.value !== "function") {
    return () => undefined;
  }
  const merge = own.value as MergeOptions;
  sdk.mergeOptions = (...args: unknown[]) => {
    const merged = merge(...args);
    if (merged?.aliases === undefined) {
      return merged;
    }
    const { aliases, ...rest } = merged;
    return rest;
  };
  return () => {
    sdk.mergeOptions = merge;
  };
}

/**
 * Runs `program` under mocks with the given config and returns what it registered. The program may
 * return a promise; the run waits for every registration to finish.
 */
export async function runUnderMocks(
  program: () => unknown,
  opts: {
    project: string;
    stack: string;
    config: Record<string, string>;
    secretKeys: string[];
    /**
     * Keep the aliases resources are given (see {@link withoutAliases}); only to show they change nothing.
     * @default false
     */
    keepAliases?: boolean;
  },
): Promise<ProgramRun> {
  await pulumi.runtime.setMocks(new AzureMocks(), opts.project, opts.stack, false);
  pulumi.runtime.setAllConfig(opts.config, opts.secretKeys);
  const monitor = settings.getMonitor() as unknown as MockMonitorInternals;

  // The engine's URN scheme: a child's type is qualified by its parent's full qualified type.
  monitor.newUrn = (parent: string, type: string, name: string): string => {
    const qualified = parent ? `${parent.split("::")[2]}$${type}` : type;
    return `urn:pulumi:${opts.stack}::${opts.project}::${qualified}::${name}`;
  };

  const captured: PlannedResource[] = [];
  const register = monitor.registerResource.bind(monitor);
  monitor.registerResource = (req, callback) =>
    register(req, (err, resp) => {
      if (!err && resp) {
        captured.push(plannedOf(req, resp.getUrn()));
      }
      callback(err, resp);
    });

  const errors: string[] = [];
  const thrown: unknown[] = [];
  const onError = (err: unknown) => {
    errors.push(errorMessage(err));
    thrown.push(err);
  };
  process.on("unhandledRejection", onError);
  process.on("uncaughtException", onError);
  const restoreStackTraces = quietStackTraces();
  const restoreAliases = opts.keepAliases ? () => undefined : withoutAliases();
  try {
    try {
      await program();
    } catch (err) {
      onError(err);
    }
    await settings.disconnect();
  } finally {
    restoreAliases();
    restoreStackTraces();
    process.off("unhandledRejection", onError);
    process.off("uncaughtException", onError);
  }

  const states = monitor.getRegisteredResources();
  const resources = captured.map((r) => (r.custom ? { ...r, outputs: asWire(states.get(r.urn)?.state) } : r));
  return { resources, errors: [...new Set(errors)], thrown };
}
