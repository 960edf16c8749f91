/**
 * The line of a config key (`foundry-platform:gateway.teams[0].allowedModels[1]`, as config problems
 * and warnings name keys) in a stack config file, for reports that point at it (SARIF). A key that is
 * not written in the file (a default) points at the deepest part of it that is, else line 1.
 */
import YAML, { LineCounter, isMap, isScalar, isSeq } from "yaml";

/** `ns:a.b[0].c` → `["ns:a", "b", 0, "c"]` (the first segment keeps its namespace, as the file writes it). */
export function keySegments(key: string): (string | number)[] {
  const segments: (string | number)[] = [];
  const colon = key.indexOf(":");
  const rest = key.slice(colon + 1);
  const m = /^[^.[]+/.exec(rest);
  if (!m) {
    return [];
  }
  segments.push(`${key.slice(0, colon + 1)}${m[0]}`);
  for (const part of rest.slice(m[0].length).matchAll(/\.([^.[]+)|\[(\d+)\]/g)) {
    segments.push(part[2] !== undefined ? Number(part[2]) : part[1]);
  }
  return segments;
}

/** A lookup from a config key to its 1-based line in `text`. */
export function configKeyLineFinder(text: string): (key: string) => number {
  const lineCounter = new LineCounter();
  const doc = YAML.parseDocument(text, { lineCounter });
  const lineOf = (node: YAML.Node | null | undefined): number =>
    node?.range ? lineCounter.linePos(node.range[0]).line : 1;
  return (key) => {
    const [first, ...rest] = keySegments(key);
    const config = doc.get("config", true);
    if (first === undefined || !isMap(config)) {
      return 1;
    }
    const bare = String(first).slice(String(first).indexOf(":") + 1);
    const top = config.items.find(
      (pair) => isScalar(pair.key) && [first, bare].includes(String(pair.key.value)),
    );
    if (!top) {
      // The `config:` line itself.
      const root = YAML.isMap(doc.contents)
        ? doc.contents.items.find((p) => isScalar(p.key) && p.key.value === "config")
        : undefined;
      return lineOf(root?.key as YAML.Node | undefined);
    }
    let line = lineOf(top.key as YAML.Node);
    let node: unknown = top.value;
    for (const segment of rest) {
      if (isMap(node) && typeof segment === "string") {
        const pair = node.items.find((p) => isScalar(p.key) && p.key.value === segment);
        if (!pair) {
          break;
        }
        line = lineOf(pair.key as YAML.Node);
        node = pair.value;
      } else if (isSeq(node) && typeof segment === "number" && node.items[segment] !== undefined) {
        node = node.items[segment];
        line = lineOf(node as YAML.Node);
      } else {
        break;
      }
    }
    return line;
  };
}
