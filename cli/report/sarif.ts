/**
 * `--sarif FILE`: the findings as SARIF 2.1.0 for GitHub code scanning (`github/codeql-action/
 * upload-sarif`). Every rule of the pack is a reporting descriptor (description, remediation as
 * help, severity as default level and `security-severity`); every violation and engine error is a
 * result located in the stack's config file, at the line of the config entry that declares the
 * resource where it can be told (`config-lines.ts`), with the resource's URN as logical location.
 * An acknowledged finding carries an accepted external suppression with the exception's reason, so
 * it is on record but not an open alert. Same report, same bytes.
 */
import { createHash } from "node:crypto";
import type * as Sarif from "sarif";
import { EngineError, Severity, Violation, isAcknowledged, isBlocking } from "../model";
import { configKeyLineFinder } from "./config-key-line";
import { configLineFinder } from "./config-lines";
import { Report, shortName, typeOfUrn } from "./report";
import { exceptionText } from "./text";

export const sarifSchemaUri =
  "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/** Rule severity as a SARIF level (the rule's default configuration). */
const levelOfSeverity: Record<
  Severity,
  Sarif.ReportingDescriptor["defaultConfiguration"] extends infer C
    ? C extends { level?: infer L }
      ? NonNullable<L>
      : never
    : never
> = { critical: "error", high: "error", medium: "warning", low: "note", "": "warning" };

/**
 * GitHub's `security-severity` score per severity, inside its ranges (critical 9.0–10.0, high
 * 7.0–8.9, medium 4.0–6.9, low 0.1–3.9; GitHub changelog 2021-07-19, "new severity levels for
 * security alerts").
 */
const securitySeverity: Record<Severity, string> = {
  critical: "9.5",
  high: "8.0",
  medium: "5.5",
  low: "3.0",
  "": "5.5",
};

/** The rule of config warnings: a key of the stack config that cannot take effect. */
export const configNoEffectRule = "config-no-effect";

const engineRules: Record<EngineError["kind"], string> = {
  "duplicate-urn": "Two resources have the same URN; the Pulumi engine refuses the deployment.",
  "missing-dependency": "A resource depends on a resource that is not in the stack; the engine refuses it.",
  "invalid-name": "A resource name breaks Azure's naming rules; Azure refuses the deployment.",
};

/** Where results are located: the config file (repository-relative) and its text when readable. */
export interface SarifSource {
  /** Path of the stack config file (or the state file) relative to the repository root. */
  readonly uri: string;
  /** The file's text, to find the line of each resource's config entry. */
  readonly text?: string;
}

function firstSentence(text: string): string {
  const m = /^(.+?\.)(\s|$)/s.exec(text);
  return (m ? m[1] : text).replace(/\s+/g, " ");
}

function fingerprint(...parts: string[]): string {
  return createHash("sha256").update(parts.join("\u0000")).digest("hex").slice(0, 32);
}

function resultLevel(v: Violation): Sarif.Result.level {
  if (isBlocking(v)) {
    return "error";
  }
  if (isAcknowledged(v)) {
    return "note";
  }
  // Advisory findings never fail a check: at most a warning.
  return v.severity === "low" ? "note" : "warning";
}

export function sarifReport(report: Report, source: SarifSource): string {
  const lineOf = source.text !== undefined ? configLineFinder(source.text) : () => 1;
  const location = (urn: string): Sarif.Location[] => [
    {
      physicalLocation: {
        artifactLocation: { uri: source.uri, uriBaseId: "%SRCROOT%" },
        region: { startLine: urn ? lineOf(shortName(urn), typeOfUrn(urn)) : 1 },
      },
      ...(urn
        ? { logicalLocations: [{ fullyQualifiedName: urn, name: shortName(urn), kind: "resource" }] }
        : {}),
    },
  ];

  const rules: Sarif.ReportingDescriptor[] = [
    ...report.rules.map((r) => ({
      id: r.name,
      shortDescription: { text: firstSentence(r.description) },
      fullDescription: { text: r.description },
      help: { text: r.remediationSteps, markdown: r.remediationSteps },
      defaultConfiguration: { level: levelOfSeverity[r.severity] },
      properties: {
        "security-severity": securitySeverity[r.severity],
        tags: ["foundry-platform", r.name.split("-")[0]],
      },
    })),
    ...Object.entries(engineRules).map(([kind, text]) => ({
      id: `engine-${kind}`,
      shortDescription: { text },
      fullDescription: { text },
      help: { text: "Fix the program or config so the resource is valid; plan again." },
      defaultConfiguration: { level: "error" as const },
      properties: { "security-severity": securitySeverity.high, tags: ["foundry-platform", "engine"] },
    })),
    ...((report.configWarnings ?? []).length > 0
      ? [
          {
            id: configNoEffectRule,
            shortDescription: { text: "A config key has no effect." },
            fullDescription: {
              text: "A key of the stack config cannot take effect: its block is switched off, it only applies in another environment, or the feature it configures is not deployed.",
            },
            help: {
              text: "Turn the block or feature on as the message says, or remove the key so the config says what is deployed.",
            },
            defaultConfiguration: { level: "warning" as const },
            properties: { tags: ["foundry-platform", "config"] },
          },
        ]
      : []),
  ];
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const keyLine = source.text !== undefined ? configKeyLineFinder(source.text) : () => 1;

  const results: Sarif.Result[] = [
    ...report.violations.map((v): Sarif.Result => {
      const exception = exceptionText(v);
      return {
        ruleId: v.policy,
        ...(ruleIndex.has(v.policy) ? { ruleIndex: ruleIndex.get(v.policy) } : {}),
        level: resultLevel(v),
        message: { text: exception ? `[${exception}] ${v.message}` : v.message },
        locations: location(v.urn),
        partialFingerprints: { "foundryPlatformFinding/v1": fingerprint(v.policy, v.urn, v.message) },
        ...(isAcknowledged(v) && v.exception
          ? {
              suppressions: [
                {
                  kind: "external" as const,
                  status: "accepted" as const,
                  justification: `${v.exception.reason} (expires ${v.exception.expires}, from ${v.exception.source})`,
                },
              ],
            }
          : {}),
        properties: {
          enforcementLevel: v.enforcementLevel,
          severity: v.severity,
          ...(v.exception ? { exception: v.exception } : {}),
        },
      };
    }),
    ...report.errors.map((e): Sarif.Result => ({
      ruleId: `engine-${e.kind}`,
      ruleIndex: ruleIndex.get(`engine-${e.kind}`),
      level: "error",
      message: { text: e.message },
      locations: location(e.urn),
      partialFingerprints: { "foundryPlatformFinding/v1": fingerprint(e.kind, e.urn, e.message) },
    })),
    ...(report.configWarnings ?? []).map((w): Sarif.Result => ({
      ruleId: configNoEffectRule,
      ruleIndex: ruleIndex.get(configNoEffectRule),
      level: "warning",
      message: { text: `${w.key}: ${w.message}` },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: source.uri, uriBaseId: "%SRCROOT%" },
            region: { startLine: keyLine(w.key) },
          },
          logicalLocations: [{ fullyQualifiedName: w.key, name: w.key, kind: "member" }],
        },
      ],
      partialFingerprints: { "foundryPlatformFinding/v1": fingerprint(configNoEffectRule, w.key, w.message) },
    })),
  ];

  const log: Sarif.Log = {
    $schema: sarifSchemaUri,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "foundry-platform",
            version: report.pack.version,
            fullName: `foundry-platform ${report.command} with policy pack ${report.pack.name}@${report.pack.version}`,
            rules,
          },
        },
        automationDetails: { id: `foundry-platform/${report.command}/${report.stack}/` },
        results,
        properties: { stack: report.stack, command: report.command },
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
