/** Management locks (AVM `lock`): protect a resource from deletion or change in Azure itself. */
import * as pulumi from "@pulumi/pulumi";
import * as authorization from "@pulumi/azure-native/authorization";
import { LockSpec } from "./avm";

/** Declares the lock of a resource, named `<name>-lock`; nothing for kind `None` or no spec. */
export function declareLock(
  name: string,
  scope: pulumi.Input<string>,
  spec: LockSpec | undefined,
  opts: pulumi.CustomResourceOptions,
): authorization.ManagementLockByScope | undefined {
  if (!spec || (spec.kind ?? "None") === "None") {
    return undefined;
  }
  return new authorization.ManagementLockByScope(
    `${name}-lock`,
    {
      scope,
      level: spec.kind as "CanNotDelete" | "ReadOnly",
      lockName: spec.name ?? `lock-${name}`,
      notes:
        spec.notes ?? "Managed by foundry-platform; remove the lock in the stack config, not in the portal.",
    },
    opts,
  );
}
