/**
 * The docs run: every shell command in README.md, CONTRIBUTING.md and docs/ is run offline, in this
 * process, through the tool's own entry point (`main`), and must exit as the docs say (0 unless the
 * block says `exit=N`). A command that cannot run offline (the Pulumi CLI, Azure, the network, the
 * repository's own checks) must sit in a block marked `norun="why"`, and may be nothing else. Config
 * snippets marked `stack=<env>` are applied to that committed stack and must validate without
 * warnings (or with the one they say). Each distinct plan runs once, against one policy pack.
 */
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import YAML from "yaml";
import { PackProcess, startPolicyPack } from "../../cli/analyzer/pack-process";
import { check } from "../../cli/check/check";
import { main, MainEnv, ReportRequest } from "../../cli/main";
import { policyPackDir } from "../../cli/paths";
import { plan } from "../../cli/plan/plan";
import { Report } from "../../cli/report/report";
import { configWarnings } from "../../stacks/config/warnings";
import { e2eTimeoutMs, pinnedDay, root } from "../helpers/cli";
import { DocBlock, docBlocks, shellCommands, toolArguments, whyNotRunnable } from "../helpers/doc-blocks";
import { edit, loadText, stackText } from "../helpers/stack-config";

const docFiles = [
  "README.md",
  "CONTRIBUTING.md",
  ...fs
    .readdirSync(path.join(root, "docs"))
    .filter((f) => f.endsWith(".md"))
    .sort()
    .map((f) => `docs/${f}`),
];
const blocks: DocBlock[] = docFiles.flatMap((file) =>
  docBlocks(file, fs.readFileSync(path.join(root, file), "utf8")),
);
const shellBlocks = blocks.filter((b) => ["sh", "bash", "shell", "console"].includes(b.lang));
const where = (b: DocBlock) => `${b.file}:${b.line}`;

/** Tools that take `--as-of`: pinned, so the docs do not fail the day a model retires. */
const dated = ["plan", "check", "lifecycle", "select"];

describe("the docs", function () {
  this.timeout(e2eTimeoutMs);

  it("keep the README a short landing page that links every docs page", () => {
    const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");
    assert.ok(Buffer.byteLength(readme) < 15 * 1024, `README.md is ${Buffer.byteLength(readme)} bytes`);
    for (const file of docFiles.filter((f) => f.startsWith("docs/"))) {
      assert.ok(readme.includes(`](${file})`), `README.md links ${file}`);
    }
  });

  it("suggest --secret only for credentials, never for keys that become tags or names", () => {
    for (const file of docFiles) {
      const text = fs.readFileSync(path.join(root, file), "utf8");
      for (const m of text.matchAll(/config set --secret[^\n]*?foundry-platform:([A-Za-z]+)/g)) {
        assert.ok(
          !["owner", "costCenter", "tags", "workload", "environment", "location"].includes(m[1]),
          `${file} suggests storing '${m[1]}' as a secret: it is not one (it becomes a tag or a name)`,
        );
      }
    }
  });

  it("link only to files that exist", () => {
    for (const file of docFiles) {
      const text = fs.readFileSync(path.join(root, file), "utf8");
      for (const m of text.matchAll(/\]\((?!https?:|#|mailto:)([^)#\s]+)(#[^)]*)?\)/g)) {
        const target = path.resolve(path.dirname(path.join(root, file)), m[1]);
        assert.ok(fs.existsSync(target), `${file} links ${m[1]}, which does not exist`);
      }
    }
  });

  describe("shell commands", () => {
    let pack: Promise<PackProcess> | undefined;
    const reports = new Map<string, Promise<Report>>();
    const env = (out: string[], err: string[]): MainEnv => ({
      write: async (text) => {
        out.push(text);
      },
      writeError: (text) => err.push(text),
      report: (request: ReportRequest) => {
        const key = JSON.stringify(request);
        let report = reports.get(key);
        if (report === undefined) {
          pack ??= startPolicyPack(policyPackDir);
          const started = pack;
          report =
            request.command === "plan"
              ? plan({ ...request }, started)
              : check(
                  {
                    stateFile: request.stateFile as string,
                    policyConfigFile: request.policyConfigFile,
                    asOf: request.asOf,
                  },
                  started,
                );
          reports.set(key, report);
        }
        return report;
      },
    });

    /** Files the commands write go to a folder of their own, never into the repository. */
    const outDir = fs.mkdtempSync(path.join(os.tmpdir(), "fp-docs-"));

    after(async () => {
      if (pack) {
        (await pack).stop();
      }
      fs.rmSync(outDir, { recursive: true, force: true });
    });

    for (const block of shellBlocks) {
      const commands = shellCommands(block.text);
      if (block.attrs.norun !== undefined) {
        it(`does not run ${where(block)}: ${block.attrs.norun}`, () => {
          assert.ok(block.attrs.norun.length > 10, "say why the block cannot run");
          for (const c of commands) {
            assert.ok(
              whyNotRunnable(c) !== undefined,
              `'${c.source}' could run offline: move it to a block of its own without norun`,
            );
          }
        });
        continue;
      }
      it(`runs ${where(block)}: ${commands.map((c) => c.source).join(" && ")}`, async () => {
        assert.ok(commands.length > 0, "an empty block");
        // A file a command writes (`> FILE`, --sarif, --svg, --out) lives in outDir; later commands
        // of the block that name it read it from there.
        const written = new Map<string, string>();
        const place = (file: string) => {
          const at = path.join(outDir, `${block.line}-${path.basename(file)}`);
          written.set(file, at);
          return at;
        };
        for (const c of commands) {
          const args = toolArguments(c.words);
          assert.ok(
            args !== undefined && c.unsupported === undefined,
            `'${c.source}' cannot run offline${whyNotRunnable(c) ? ` (${whyNotRunnable(c)})` : ""}: mark the block norun="why", or use npm run <plan|check|lifecycle|select|size|prices|eval>`,
          );
          const argv = args.map((a, i) =>
            ["--sarif", "--svg", "--out"].includes(args[i - 1]) ? place(a) : (written.get(a) ?? a),
          );
          const pinned =
            dated.includes(argv[0]) && !argv.includes("--as-of") ? [...argv, "--as-of", pinnedDay] : argv;
          const out: string[] = [];
          const err: string[] = [];
          const code = await main(pinned, env(out, err));
          const expected = Number(block.attrs.exit ?? 0);
          assert.equal(
            code,
            expected,
            `'${c.source}' exited ${code}, the docs say ${expected}:\n${err.join("")}`,
          );
          if (c.redirect) {
            fs.writeFileSync(place(c.redirect), out.join(""));
          }
        }
      });
    }
  });

  it("quote code as it is in the files they name", () => {
    const quotes = blocks.filter((b) => b.attrs.file !== undefined);
    assert.ok(quotes.length > 0);
    for (const b of quotes) {
      const source = fs.readFileSync(path.join(root, b.attrs.file), "utf8");
      assert.ok(source.includes(b.text), `${where(b)} quotes ${b.attrs.file} as it is`);
    }
  });

  describe("config snippets", () => {
    for (const block of blocks.filter((b) => b.lang === "yaml" && b.attrs.stack !== undefined)) {
      it(`validate ${where(block)} in the ${block.attrs.stack} stack`, () => {
        const base = stackText(block.attrs.stack as "dev" | "staging" | "prod");
        const snippet: unknown = YAML.parse(block.text);
        let text: string;
        if (block.attrs.append !== undefined) {
          const at = [
            "config",
            `foundry-platform:${block.attrs.append.split(".")[0]}`,
            ...block.attrs.append.split(".").slice(1),
          ];
          const list = YAML.parseDocument(base).getIn(at);
          const current = YAML.isSeq(list) ? (list.toJSON() as unknown[]) : [];
          text = edit(base, {
            [block.attrs.append]: [...current, ...(Array.isArray(snippet) ? snippet : [snippet])],
          });
        } else {
          assert.ok(block.attrs.set !== undefined, "say where the snippet goes: append=<key> or set=<key>");
          text = edit(base, { [block.attrs.set]: snippet });
        }
        const warnings = configWarnings(loadText(text).config).map((w) => `${w.key}: ${w.message}`);
        if (block.attrs.warns === undefined) {
          assert.deepEqual(warnings, []);
        } else {
          assert.equal(warnings.length, 1, warnings.join("\n"));
          assert.ok(warnings[0].includes(block.attrs.warns), warnings[0]);
        }
      });
    }
  });
});
