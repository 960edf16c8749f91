/**
 * Where in a stack config file (`Pulumi.<stack>.yaml`) a resource comes from, as a line number, for
 * the SARIF report's locations. The program names resources after the config that declares them
 * (`platform-main-gpt-5-mini` comes from the `gpt-5-mini` deployment of account `main`), so a
 * resource maps to the deepest list item whose `name` (or `model`) and whose ancestors' names all
 * appear in its logical name; failing that, to the top-level key of its area (accounts, gateway,
 * budget, observability, access); failing that, to line 1.
 */
import YAML, { LineCounter, isMap, isScalar, isSeq } from "yaml";

interface Item {
  readonly ident: string;
  readonly line: number;
  readonly ancestors: readonly string[];
}

/** Top-level config keys (without namespace) by the resource type fragments they create. */
const areas: readonly [key: string, typeFragments: readonly string[]][] = [
  ["gateway", [":apimanagement:"]],
  ["accounts", [":cognitiveservices:", ":network:", ":privatedns:"]],
  ["budget", [":consumption:", ":costmanagement:"]],
  ["observability", [":operationalinsights:", ":applicationinsights:", ":monitor:", ":insights:"]],
  ["access", [":authorization:", "azuread:"]],
];

function identOf(map: YAML.YAMLMap): string | undefined {
  for (const key of ["name", "model"]) {
    const v = map.get(key, true);
    if (isScalar(v) && typeof v.value === "string" && v.value !== "") {
      return v.value;
    }
  }
  return undefined;
}

/** A lookup from a resource's logical name and type to a 1-based line of `text`. */
export function configLineFinder(text: string): (name: string, type: string) => number {
  const lineCounter = new LineCounter();
  const doc = YAML.parseDocument(text, { lineCounter });
  const lineOf = (node: YAML.Node | null | undefined): number =>
    node?.range ? lineCounter.linePos(node.range[0]).line : 1;
  const items: Item[] = [];
  const topLines = new Map<string, number>();
  const config = doc.get("config", true);
  const walk = (node: unknown, ancestors: readonly string[]) => {
    if (isSeq(node)) {
      for (const child of node.items) {
        if (isMap(child)) {
          const ident = identOf(child);
          if (ident !== undefined) {
            items.push({ ident, line: lineOf(child), ancestors });
          }
          walk(child, ident !== undefined ? [...ancestors, ident] : ancestors);
        }
      }
    } else if (isMap(node)) {
      for (const pair of node.items) {
        walk(pair.value, ancestors);
      }
    }
  };
  if (isMap(config)) {
    for (const pair of config.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : "";
      topLines.set(key.slice(key.indexOf(":") + 1), lineOf(pair.key as YAML.Node));
      walk(pair.value, []);
    }
  }
  const configLine = isMap(config) ? lineOf(config) - 1 || 1 : 1;

  return (name, type) => {
    const padded = `-${name}-`;
    const inName = (ident: string) => padded.includes(`-${ident}-`);
    let best: Item | undefined;
    for (const item of items) {
      if (!inName(item.ident) || !item.ancestors.every(inName)) {
        continue;
      }
      if (
        !best ||
        item.ancestors.length > best.ancestors.length ||
        (item.ancestors.length === best.ancestors.length && item.ident.length > best.ident.length)
      ) {
        best = item;
      }
    }
    if (best) {
      return best.line;
    }
    const area = areas.find(([, fragments]) => fragments.some((f) => type.includes(f)));
    return (area && topLines.get(area[0])) ?? configLine;
  };
}
