/** SHA-256 digests of report and dataset files: the evidence names exactly which bytes were judged. */
import { createHash } from "node:crypto";

/** Lower-case hex SHA-256 of the given bytes (a string is hashed as UTF-8). */
export function sha256Hex(data: string | Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}
