/**
 * The fenced code blocks of the Markdown docs, and the shell commands in them, for the docs test.
 *
 * A block's info string is its language and attributes: ```` ```sh exit=1 ```` (the command exits 1),
 * ```` ```sh norun="needs the Pulumi CLI" ```` (not run, and why), ```` ```yaml stack=prod append=gateway.teams ````
 * (a config snippet the test applies to a committed stack and validates).
 */

export interface DocBlock {
  /** The file, relative to the repository. */
  readonly file: string;
  /** 1-based line of the opening fence. */
  readonly line: number;
  readonly lang: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly text: string;
}

/** Every fenced block of a Markdown text (``` or ~~~ fences, also indented inside lists). */
export function docBlocks(file: string, markdown: string): DocBlock[] {
  const lines = markdown.split("\n");
  const blocks: DocBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})(.*)$/.exec(lines[i]);
    if (!open) {
      continue;
    }
    const [, indent, fence, info] = open;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && !new RegExp(`^\\s*${fence[0]}{${fence.length},}\\s*$`).test(lines[j]); j++) {
      body.push(lines[j].startsWith(indent) ? lines[j].slice(indent.length) : lines[j]);
    }
    const [lang = "", ...rest] = info.trim().split(/\s+/);
    const attrs: Record<string, string> = {};
    for (const m of rest.join(" ").matchAll(/([a-z]+)=(?:"([^"]*)"|(\S+))/g)) {
      attrs[m[1]] = m[2] ?? m[3];
    }
    blocks.push({ file, line: i + 1, lang, attrs, text: body.join("\n") });
    i = j;
  }
  return blocks;
}

/** One command of a shell block: its words, and the file its output is redirected to. */
export interface ShellCommand {
  /** The command as written (one line, continuations joined, comment removed). */
  readonly source: string;
  readonly words: readonly string[];
  /** `> FILE`. */
  readonly redirect?: string;
  /** Shell syntax the test does not run (pipes, substitutions, variables). */
  readonly unsupported?: string;
}

/** Splits a shell text into commands (lines, `\` continuations, `&&`), with words and redirects. */
export function shellCommands(text: string): ShellCommand[] {
  const joined = text.replace(/\\\n\s*/g, " ");
  const commands: ShellCommand[] = [];
  for (const line of joined.split("\n")) {
    let words: string[] = [];
    let word = "";
    let inWord = false;
    let quote: string | undefined;
    let source = "";
    let unsupported: string | undefined;
    const flush = () => {
      if (inWord) {
        words.push(word);
      }
      word = "";
      inWord = false;
    };
    const finish = () => {
      flush();
      if (words.length > 0) {
        const at = words.indexOf(">");
        commands.push({
          source: source.trim(),
          words: at >= 0 ? words.slice(0, at) : words,
          ...(at >= 0 ? { redirect: words[at + 1] } : {}),
          ...(unsupported ? { unsupported } : {}),
        });
      }
      words = [];
      source = "";
      unsupported = undefined;
    };
    for (let k = 0; k < line.length; k++) {
      const c = line[k];
      if (quote) {
        if (c === quote) {
          quote = undefined;
        } else {
          word += c;
        }
        source += c;
        continue;
      }
      if (c === "#" && !inWord) {
        break; // a comment runs to the end of the line
      }
      if (c === "&" && line[k + 1] === "&") {
        finish();
        k++;
        continue;
      }
      source += c;
      if (c === "'" || c === '"') {
        quote = c;
        inWord = true;
      } else if (/\s/.test(c)) {
        flush();
      } else if (c === ">") {
        flush();
        words.push(">");
      } else {
        if (c === "|" || c === "$" || c === "`" || c === "<" || c === ";") {
          unsupported ??= c;
        }
        word += c;
        inWord = true;
      }
    }
    finish();
  }
  return commands;
}

/** The tool's arguments of a command that runs `foundry-platform`, or undefined. */
export function toolArguments(words: readonly string[]): string[] | undefined {
  const scripts = ["plan", "check", "lifecycle", "select", "size", "prices", "eval"];
  if (words[0] === "npm" && words[1] === "run") {
    const at = words[2] === "-s" || words[2] === "--silent" ? 3 : 2;
    const script = words[at];
    const rest = words.slice(at + 1);
    if (!scripts.includes(script) || (rest.length > 0 && rest[0] !== "--")) {
      return undefined;
    }
    return [script, ...rest.slice(1)];
  }
  if (
    (words[0] === "npx" && words[1] === "foundry-platform") ||
    (words[0] === "node" && words[1] === "bin/foundry-platform.js")
  ) {
    return words.slice(2);
  }
  return undefined;
}

/**
 * Commands the docs test cannot run offline, and why. A block marked `norun` may hold only these,
 * so that a runnable command never hides in one.
 */
export const notRunnable: readonly [RegExp, string][] = [
  [/^pulumi\b/, "needs the Pulumi CLI, a state backend and, to preview or deploy, Azure credentials"],
  [/^az\b/, "needs the Azure CLI and an Azure login"],
  [/^git\b/, "needs a git checkout with the branch named"],
  [/^npm ci\b/, "reinstalls the dependencies"],
  [/^npm (install|i)\b/, "installs packages from the npm registry"],
  [/^npx foundry-platform\b/, "runs the tools installed in another project"],
  [/^cd\b/, "works in a folder an earlier command of the block makes"],
  [
    /^(npm test\b|npm run (typecheck|lint|format|build|bench|example|api:check)\b|npx (tsc|mocha|eslint|prettier)\b|bash \.ci\/run\b)/,
    "the repository's own checks, which CI runs (the docs test is one of them)",
  ],
  [/^npm run (schema|docs)\b/, "rewrites committed files; tests check that they are current"],
  [/--fetch\b/, "calls the Azure Retail Prices API over the network"],
  [/--endpoint https?:\/\//, "calls a deployed model endpoint"],
  [/--program \.\.\//, "plans a project outside this repository"],
  [/(\.\.\.|…|<[a-z][a-z -]*>)/, "a template: fill in the placeholders first"],
];

/** Why a command cannot run offline, or undefined when nothing says so. */
export function whyNotRunnable(command: ShellCommand): string | undefined {
  return notRunnable.find(([pattern]) => pattern.test(command.source))?.[1];
}
