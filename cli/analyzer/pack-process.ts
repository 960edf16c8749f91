/**
 * Starts a policy pack as a child process the way the Pulumi CLI's policy analyzer plugin does:
 * the pack's program runs with the pack folder as its working directory, serves the analyzer gRPC
 * service on 127.0.0.1 and prints its port on the first line of stdout.
 */
import { ChildProcess, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { InputError } from "../errors";

export interface PackProcess {
  /** `127.0.0.1:<port>` of the pack's analyzer service. */
  readonly address: string;
  /** Stops the pack. */
  stop(): void;
}

/**
 * How long the pack may take to print its port. It only guards against a pack that hangs: on a
 * loaded machine (two shared cores, a load of 70) starting Node with the policy SDK took over 30 s.
 */
const startTimeoutMs = 120_000;

/**
 * Starts the pack in `packDir` (a folder with `PulumiPolicy.yaml` and `package.json`): its
 * `index.ts` when it has one, transpile-only (esbuild-register; type-checking happens once, in the
 * build), else the folder itself, which Node resolves through `package.json`'s `main` (a built pack).
 */
export function startPolicyPack(packDir: string): Promise<PackProcess> {
  const dir = path.resolve(packDir);
  // The `foundry-platform` command in a checkout runs a bundle of the pack's sources (bin/bundles.js).
  const bundle = process.env.FOUNDRY_PLATFORM_PACK_BUNDLE;
  const source = path.join(dir, "index.ts");
  const program = bundle
    ? [bundle]
    : fs.existsSync(source)
      ? ["--require", require.resolve("esbuild-register"), source]
      : [dir];
  // The SDK preload the tool runs with (bin/sdk-preload.js) speeds up the pack's start the same way.
  const preload = process.env.FOUNDRY_PLATFORM_SDK_PRELOAD;
  const node = preload ? ["--require", preload] : [];
  const child: ChildProcess = spawn(process.execPath, [...node, ...program, "127.0.0.1:0"], {
    cwd: dir,
    stdio: ["ignore", "pipe", "pipe"],
  });
  // The pack never outlives this process, however it ends (a config error may end it while the
  // pack is still starting, before anyone holds a handle to stop it).
  const killOnExit = () => child.kill();
  process.on("exit", killOnExit);
  child.on("exit", () => process.off("exit", killOnExit));
  return new Promise((resolve, reject) => {
    let stdout = "";
    let stderr = "";
    let settled = false;
    const fail = (message: string) => {
      if (!settled) {
        settled = true;
        clearTimeout(timer);
        child.kill();
        reject(new InputError(message));
      }
    };
    const timer = setTimeout(
      () => fail(`policy pack ${dir} did not print its port within ${startTimeoutMs / 1000} s`),
      startTimeoutMs,
    );
    child.stdout?.setEncoding("utf8");
    child.stderr?.setEncoding("utf8");
    child.stderr?.on("data", (chunk: string) => (stderr += chunk));
    child.stdout?.on("data", (chunk: string) => {
      if (settled) {
        return;
      }
      stdout += chunk;
      const newline = stdout.indexOf("\n");
      if (newline < 0) {
        return;
      }
      const port = Number(stdout.slice(0, newline).trim());
      if (!Number.isInteger(port) || port <= 0) {
        fail(`policy pack ${dir} printed '${stdout.slice(0, newline)}' instead of its port`);
        return;
      }
      settled = true;
      clearTimeout(timer);
      child.stdout?.removeAllListeners("data");
      child.stdout?.resume();
      resolve({ address: `127.0.0.1:${port}`, stop: () => child.kill() });
    });
    child.on("error", (err) => fail(`cannot start policy pack ${dir}: ${err.message}`));
    child.on("exit", (code) =>
      fail(`policy pack ${dir} exited with code ${code} before serving:\n${stderr.trim()}`),
    );
  });
}
