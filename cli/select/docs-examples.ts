/**
 * The worked examples of `docs/select.md` are the tool's actual output: each
 * `<!-- select: ARGS -->` marker is followed by a fenced block holding what `select ARGS` prints.
 * `npm run docs` rewrites the blocks; a test fails when they drift (a price, a policy config or the
 * catalog changed).
 */
import { runSelect } from "./select";

const marker = /<!-- select: (.+?) -->\n\n?```text\n([\s\S]*?)```/g;

/** One example: its arguments, the block as written and as the tool prints it now. */
export interface DocsExample {
  readonly args: readonly string[];
  readonly written: string;
  readonly printed: string;
}

export function docsExamples(markdown: string): DocsExample[] {
  return [...markdown.matchAll(marker)].map((m) => {
    const args = m[1].trim().split(/\s+/);
    return { args, written: m[2], printed: runSelect(args).text };
  });
}

/** The page with every example block replaced by the tool's output. */
export function withFreshExamples(markdown: string): string {
  return markdown.replace(marker, (_all, args: string) => {
    const printed = runSelect(args.trim().split(/\s+/)).text;
    return `<!-- select: ${args} -->\n\n\`\`\`text\n${printed}\`\`\``;
  });
}
