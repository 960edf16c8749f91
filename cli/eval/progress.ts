/** A one-line progress bar on stderr, drawn only when stderr is a terminal (never in CI logs). */

export interface ProgressCounts {
  readonly settled: number;
  readonly total: number;
  readonly failed: number;
  readonly rateLimited: number;
}

const width = 30;

export function progressLine(c: ProgressCounts): string {
  const filled = c.total === 0 ? width : Math.round((c.settled / c.total) * width);
  return `[${"#".repeat(filled)}${".".repeat(width - filled)}] ${c.settled}/${c.total}  failed ${c.failed}  429s ${c.rateLimited}`;
}

/** Draws progress on `stream` when it is a TTY; a no-op otherwise. */
export function progressBar(stream: NodeJS.WriteStream): { update(c: ProgressCounts): void; done(): void } {
  if (!stream.isTTY) {
    return { update: () => undefined, done: () => undefined };
  }
  let drawn = false;
  return {
    update(c) {
      stream.write(`\r${progressLine(c)}`);
      drawn = true;
    },
    done() {
      if (drawn) {
        stream.write("\n");
      }
    },
  };
}
