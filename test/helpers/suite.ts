/**
 * Mocha global fixtures (.mocharc.json): one folder per `npm test` run, made before the workers
 * start (they inherit its path through the environment) and removed at the end. Test processes share
 * results through it that every worker would otherwise compute again (`sharedPlanJson`).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

/** The environment variable holding the run's shared folder. */
export const sharedDirVariable = "FOUNDRY_TEST_SHARED_DIR";

export function mochaGlobalSetup(): void {
  process.env[sharedDirVariable] = fs.mkdtempSync(path.join(os.tmpdir(), "fp-suite-"));
}

export function mochaGlobalTeardown(): void {
  const dir = process.env[sharedDirVariable];
  if (dir) {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
