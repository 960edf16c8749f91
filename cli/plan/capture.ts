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

/**
 * Runs `program` under mocks with the given config and returns what it registered. The program may
 * return a promise; the run waits for every registration to finish.
 */
export async function runUnderMocks(
  program: () => unknown,
  opts: { project: string; stack: string; config: Record<string, string>; secretKeys: string[] },
): Promise<ProgramRun> {
  await pulumi.runtime.setMocks(new AzureMocks(), opts.project, opts.stack, false);
  pulumi.runtime.setAllConfig(opts.config, opts.secretKeys);
  const monitor = settings.getMonitor() as unknown as MockMonitorInternals;

  // The engine's URN scheme: a child's type is qualified by its parent's full qualified type.
  monitor.newUrn = (parent: string, type: string, name: string): string => {
    const qualified = parent ? `${parent.split("::")[2]}$${type}` : type;
    return `urn:pulumi:${opts.stack}::${opts.project}::${qualified}::${name}`;
  };

  const captured: { req: resproto.RegisterResourceRequest; urn: string }[] = [];
  const register = monitor.registerResource.bind(monitor);
  monitor.registerResource = (req, callback) =>
    register(req, (err, resp) => {
      if (!err && resp) {
        captured.push({ req, urn: resp.getUrn() });
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
  try {
    try {
      await program();
    } catch (err) {
      onError(err);
    }
    await settings.disconnect();
  } finally {
    process.off("unhandledRejection", onError);
    process.off("uncaughtException", onError);
  }

  const states = monitor.getRegisteredResources();
  const resources = captured.map(({ req, urn }): PlannedResource => {
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
      outputs: req.getCustom() ? asWire(states.get(urn)?.state) : inputs,
      options: {
        protect: req.getProtect() ?? false,
        retainOnDelete: req.getRetainondelete() ?? false,
        dependsOn: req.getDependenciesList(),
        ...(provider ? { provider } : {}),
      },
      propertyDependencies,
    };
  });
  return { resources, errors: [...new Set(errors)], thrown };
}
