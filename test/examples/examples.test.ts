/**
 * The Python and YAML examples use the components through the package (they need the Pulumi CLI to
 * run). Every property they set, enum member they name and output they read must exist in the
 * package schema (provider/schema.json, held to the code by test/provider/schema.test.ts), and the
 * YAML example's values must build a platform under the mocks.
 */
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import YAML from "yaml";
import type { PackageSpec } from "@pulumi/pulumi/provider/experimental/schema";
import { AiPlatform, AiPlatformArgs } from "../../components/index";
import { schemaFile } from "../../provider/package-schema";
import { capture, ofType } from "../helpers/mocks";

const examples = path.resolve(__dirname, "..", "..", "examples");
const schema = JSON.parse(fs.readFileSync(schemaFile, "utf8")) as PackageSpec;
const token = (name: string) => `foundry-platform:index:${name}`;

/** A schema property, as the checks read it. */
interface Node {
  readonly type?: string;
  readonly $ref?: string;
  readonly items?: Node;
  readonly additionalProperties?: Node;
}

/** The names and values a value set in YAML must match, recursively; problems as `path: what`. */
function yamlProblems(value: unknown, node: Node, at: string): string[] {
  if (node.$ref !== undefined) {
    const type = schema.types[node.$ref.replace("#/types/", "")];
    if (type.enum) {
      const values = type.enum.map((e) => e.value);
      return values.includes(value as string)
        ? []
        : [`${at}: ${JSON.stringify(value)} is not one of ${values.join(", ")}`];
    }
    return objectProblems(value, type.properties ?? {}, at);
  }
  if (typeof value === "string" && /^\$\{[^}]+\}$/.test(value)) {
    return []; // an interpolation: checked against config and outputs below
  }
  switch (node.type) {
    case "array":
      return Array.isArray(value)
        ? value.flatMap((v, i) => yamlProblems(v, node.items ?? {}, `${at}[${i}]`))
        : [`${at}: not a list`];
    case "object":
      return value && typeof value === "object" && !Array.isArray(value)
        ? Object.entries(value).flatMap(([k, v]) =>
            yamlProblems(v, node.additionalProperties ?? {}, `${at}.${k}`),
          )
        : [`${at}: not a map`];
    case "number":
    case "integer":
      return typeof value === "number" ? [] : [`${at}: ${JSON.stringify(value)} is not a number`];
    case "boolean":
      return typeof value === "boolean" ? [] : [`${at}: ${JSON.stringify(value)} is not a boolean`];
    case "string":
      return typeof value === "string" ? [] : [`${at}: ${JSON.stringify(value)} is not a string`];
    default:
      return [`${at}: the schema gives no type`];
  }
}

function objectProblems(value: unknown, properties: Record<string, Node>, at: string): string[] {
  if (!value || typeof value !== "object" || Array.isArray(value)) {
    return [`${at}: not an object`];
  }
  return Object.entries(value).flatMap(([k, v]) =>
    k in properties ? yamlProblems(v, properties[k], `${at}.${k}`) : [`${at}.${k}: not in the schema`],
  );
}

/** camelCase → snake_case, as the Python SDK generator names arguments (Pulumi's `PyName`). */
function pyName(name: string): string {
  let out = "";
  for (const [i, c] of [...name].entries()) {
    const prev = name[i - 1] ?? "";
    const next = name[i + 1] ?? "";
    if (/[A-Z]/.test(c) && i > 0 && (/[a-z0-9]/.test(prev) || (/[A-Z]/.test(prev) && /[a-z]/.test(next)))) {
      out += "_";
    }
    out += c.toLowerCase();
  }
  return out;
}

/** A Python enum member's name for an enum value's name (`GlobalStandard` → `GLOBAL_STANDARD`). */
const pyEnumMember = (name: string) => pyName(name).toUpperCase().replace(/_+/g, "_");

/** The tokens of a Python source: names, strings (as `"`), numbers, operators, brackets. */
function pythonTokens(source: string): string[] {
  const pattern =
    /#[^\n]*|"""[\s\S]*?"""|'''[\s\S]*?'''|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'|[A-Za-z_][A-Za-z0-9_]*|\d[\d_.]*|==|!=|<=|>=|\S/g;
  return [...source.matchAll(pattern)]
    .map((m) => m[0])
    .filter((t) => !t.startsWith("#"))
    .map((t) => (/^["']/.test(t) ? '"' : t));
}

interface PythonUse {
  readonly checked: number;
  readonly problems: string[];
}

/** Checks every `foundry.X(...)` argument, `foundry.Enum.MEMBER` and `<resource var>.output` of a program. */
function pythonUse(source: string, module: string): PythonUse {
  const tokens = pythonTokens(source);
  const problems: string[] = [];
  let checked = 0;
  const resources = new Map<string, string>(); // variable → component
  const frames: { argsOf?: Record<string, unknown>; label?: string }[] = [];
  const pyProps = (props: Record<string, unknown>) => new Set(Object.keys(props).map(pyName));
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t === module && tokens[i + 1] === "." && /^[A-Za-z_]/.test(tokens[i + 2] ?? "")) {
      const name = tokens[i + 2];
      const isCall = tokens[i + 3] === "(";
      if (isCall && schema.resources[token(name)]) {
        if (tokens[i - 1] === "=" && /^[a-z_]/.test(tokens[i - 2] ?? "")) {
          resources.set(tokens[i - 2], name);
        }
        frames.push({ argsOf: schema.resources[token(name)].inputProperties, label: name });
        i += 3;
      } else if (isCall && name.endsWith("Args") && schema.types[token(name.slice(0, -4))]?.properties) {
        frames.push({ argsOf: schema.types[token(name.slice(0, -4))].properties, label: name });
        i += 3;
      } else if (!isCall && tokens[i + 3] === "." && schema.types[token(name)]?.enum) {
        const member = tokens[i + 4];
        const members = (schema.types[token(name)].enum ?? []).map((e) => pyEnumMember(e.name));
        checked++;
        if (!members.includes(member)) problems.push(`${module}.${name}.${member}: not a member of ${name}`);
        i += 4;
      } else {
        problems.push(
          `${module}.${name}: not a component, an input type (<Type>Args) or an enum of the package`,
        );
      }
      continue;
    }
    if (["(", "[", "{"].includes(t)) {
      frames.push({});
    } else if ([")", "]", "}"].includes(t)) {
      frames.pop();
    } else if (/^[a-z_][a-z0-9_]*$/.test(t) && tokens[i + 1] === "=" && ["(", ","].includes(tokens[i - 1])) {
      const frame = frames[frames.length - 1];
      if (frame?.argsOf) {
        checked++;
        if (!pyProps(frame.argsOf).has(t)) problems.push(`${frame.label}(${t}=...): not an argument`);
      }
    } else if (resources.has(t) && tokens[i + 1] === "." && tokens[i - 1] !== "def") {
      const component = resources.get(t) ?? "";
      const attr = tokens[i + 2];
      checked++;
      if (!pyProps(schema.resources[token(component)].properties ?? {}).has(attr)) {
        problems.push(`${t}.${attr}: not an output of ${component}`);
      }
    }
  }
  return { checked, problems };
}

describe("examples in other languages, against the package schema", () => {
  describe("examples/yaml", () => {
    const project = YAML.parse(fs.readFileSync(path.join(examples, "yaml", "Pulumi.yaml"), "utf8")) as {
      packages: Record<string, string>;
      config: Record<string, { default?: unknown }>;
      resources: Record<string, { type: string; properties: Record<string, unknown> }>;
      outputs: Record<string, string>;
    };
    const withConfig = (value: unknown): unknown =>
      JSON.parse(
        JSON.stringify(value).replace(/"\$\{([A-Za-z]+)\}"/g, (_, key: string) =>
          JSON.stringify(project.config[key].default),
        ),
      );

    it("adds this repository as the package and sets only properties and enum values the schema has", () => {
      assert.equal(
        path.resolve(examples, "yaml", project.packages["foundry-platform"]),
        path.resolve(examples, ".."),
      );
      for (const [name, r] of Object.entries(project.resources)) {
        const resource =
          schema.resources[r.type.replace(/^foundry-platform:(?!index:)/, "foundry-platform:index:")];
        assert.ok(resource, `${name}: ${r.type} is not a component of the package`);
        assert.deepEqual(objectProblems(r.properties, resource.inputProperties ?? {}, name), []);
        const missing = (resource.requiredInputs ?? []).filter((k) => !(k in r.properties));
        assert.deepEqual(missing, [], `${name}: required inputs missing`);
      }
      for (const [key, reference] of Object.entries(project.outputs)) {
        const [, resource, output] = /^\$\{(\w+)\.(\w+)\}$/.exec(reference) ?? [];
        const type = project.resources[resource]?.type ?? "";
        assert.ok(
          schema.resources[type]?.properties?.[output],
          `outputs.${key}: ${reference} is not an output`,
        );
      }
    });

    it("builds a platform from its values under the mocks (the components' own checks pass)", async function () {
      this.timeout(20_000);
      const props = withConfig(project.resources.platform.properties) as AiPlatformArgs;
      // Pin the catalog's day, so the check does not change as models retire.
      const args: AiPlatformArgs = { ...props, catalogDate: "2026-12-03" };
      // `capture` fails on any error the components raise.
      const resources = await capture(() => new AiPlatform("platform", args));
      assert.equal(ofType(resources, "foundry-platform:index:AiGateway").length, 1);
      assert.equal(ofType(resources, "azure-native:apimanagement:Product").length, 2);
    });
  });

  describe("examples/python", () => {
    const source = fs.readFileSync(path.join(examples, "python", "__main__.py"), "utf8");

    it("imports the SDK the package generates and uses only its arguments, enum members and outputs", () => {
      const [, module] = /^import pulumi_foundry_platform as (\w+)$/m.exec(source) ?? [];
      assert.ok(module, "imports pulumi_foundry_platform");
      const use = pythonUse(source, module);
      assert.deepEqual(use.problems, []);
      assert.ok(use.checked >= 30, `checked ${use.checked} names`);
      const project = YAML.parse(fs.readFileSync(path.join(examples, "python", "Pulumi.yaml"), "utf8")) as {
        packages: Record<string, string>;
      };
      assert.equal(
        path.resolve(examples, "python", project.packages["foundry-platform"]),
        path.resolve(examples, ".."),
      );
    });

    it("is not vacuous: a misspelt argument, enum member or output is reported", () => {
      const broken = source
        .replace("cost_center=", "costcenter=")
        .replace("GLOBAL_STANDARD", "GLOBALSTANDARD")
        .replace("platform.account_endpoints", "platform.endpoints");
      assert.deepEqual(pythonUse(broken, "foundry").problems.sort(), [
        "AiPlatform(costcenter=...): not an argument",
        "foundry.DeploymentType.GLOBALSTANDARD: not a member of DeploymentType",
        "platform.endpoints: not an output of AiPlatform",
      ]);
    });
  });
});
