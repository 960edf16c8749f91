/** The docs test's reading of Markdown: blocks, attributes, shell commands, and what it cannot run. */
import { strict as assert } from "node:assert";
import { docBlocks, shellCommands, toolArguments, whyNotRunnable } from "../helpers/doc-blocks";

describe("docs: blocks and commands", () => {
  it("reads fenced blocks with their language, attributes and line, also indented ones", () => {
    const md = [
      "# T",
      "",
      '```sh norun="needs the Pulumi CLI" exit=1',
      "pulumi up",
      "```",
      "",
      "- a list item:",
      "",
      "  ```yaml stack=prod append=gateway.teams",
      "  - name: x",
      "  ```",
    ].join("\n");
    assert.deepEqual(docBlocks("a.md", md), [
      {
        file: "a.md",
        line: 3,
        lang: "sh",
        attrs: { norun: "needs the Pulumi CLI", exit: "1" },
        text: "pulumi up",
      },
      {
        file: "a.md",
        line: 9,
        lang: "yaml",
        attrs: { stack: "prod", append: "gateway.teams" },
        text: "- name: x",
      },
    ]);
  });

  it("splits commands on lines and &&, joins continuations, drops comments, keeps quotes and redirects", () => {
    const text = [
      "npm ci && npm run plan   # plans dev",
      "npm run -s plan -- --stack prod \\",
      "  --json > base.json",
      "pulumi config set --secret --path 'foundry-platform:a.b[0].url' \"https://x/#frag\"",
      "az monitor query | jq -r .",
    ].join("\n");
    const commands = shellCommands(text);
    assert.deepEqual(
      commands.map((c) => [c.words, c.redirect, c.unsupported]),
      [
        [["npm", "ci"], undefined, undefined],
        [["npm", "run", "plan"], undefined, undefined],
        [["npm", "run", "-s", "plan", "--", "--stack", "prod", "--json"], "base.json", undefined],
        [
          ["pulumi", "config", "set", "--secret", "--path", "foundry-platform:a.b[0].url", "https://x/#frag"],
          undefined,
          undefined,
        ],
        [["az", "monitor", "query", "|", "jq", "-r", "."], undefined, "|"],
      ],
    );
  });

  it("runs only the tool's own commands, and says why it cannot run the others", () => {
    const one = (line: string) => shellCommands(line)[0];
    assert.deepEqual(toolArguments(one("npm run -s plan -- --stack prod").words), [
      "plan",
      "--stack",
      "prod",
    ]);
    assert.deepEqual(toolArguments(one("npm run plan").words), ["plan"]);
    assert.deepEqual(toolArguments(one("npx foundry-platform check --state s.json").words), [
      "check",
      "--state",
      "s.json",
    ]);
    assert.equal(toolArguments(one("npm run lint").words), undefined);
    assert.equal(toolArguments(one("rm -rf stacks").words), undefined);
    assert.match(whyNotRunnable(one("pulumi up")) ?? "", /Pulumi CLI/);
    assert.match(whyNotRunnable(one("npm run prices -- --fetch")) ?? "", /network/);
    assert.match(
      whyNotRunnable(one("npm run eval -- --endpoint https://x --deployment d")) ?? "",
      /deployed model/,
    );
    // Something nothing explains is not skippable: a norun block cannot hide it.
    assert.equal(whyNotRunnable(one("npm run plan -- --stack prod")), undefined);
    assert.equal(whyNotRunnable(one("rm -rf stacks")), undefined);
  });
});
