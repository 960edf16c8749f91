/**
 * Settings of the platform's monitoring that configuration validates: plain data with no Azure SDK
 * import, so the config schema can use it without loading the SDK.
 */

/**
 * Diagnostic-log category groups Azure offers for AI accounts and API Management.
 * @enum
 */
export const LogCategoryGroup = { allLogs: "allLogs", audit: "audit" } as const;
export type LogCategoryGroup = (typeof LogCategoryGroup)[keyof typeof LogCategoryGroup];
/**
 * Every `LogCategoryGroup` value.
 * @internal
 */
export const logCategoryGroups: readonly LogCategoryGroup[] = Object.values(LogCategoryGroup);

/** Thresholds of the platform's alerts. */
export interface AlertThresholds {
  /**
   * Alert when a provisioned deployment's average utilization over the window is above this percent.
   * @default 90
   */
  readonly ptuUtilizationPercent?: number;
  /**
   * Alert when a deployment returns more than this many 429 (throttled) responses in the window.
   * @default 10
   */
  readonly throttledRequests?: number;
  /**
   * Alert when a deployment's average time to last byte (the whole response) over the window is
   * above this many milliseconds.
   * @default 30000
   */
  readonly timeToLastByteMs?: number;
  /**
   * Alert when more than this many requests spill over from provisioned to standard deployments in the window.
   * @default 100
   */
  readonly spilloverRequests?: number;
  /**
   * Alert when more than this percent of the gateway's requests end in a 5xx over the window.
   * @default 5
   */
  readonly gatewayServerErrorPercent?: number;
  /**
   * Alert when a deployment returns more than this many 5xx responses in the window.
   * @default 5
   */
  readonly serverErrors?: number;
  /**
   * Length of the window every alert evaluates, in minutes.
   * @default 15
   */
  readonly windowMinutes?: AlertWindowMinutes;
}

/**
 * Windows an alert may evaluate, in minutes.
 * @enum
 */
export const AlertWindowMinutes = {
  FiveMinutes: 5,
  FifteenMinutes: 15,
  ThirtyMinutes: 30,
  SixtyMinutes: 60,
} as const;
export type AlertWindowMinutes = (typeof AlertWindowMinutes)[keyof typeof AlertWindowMinutes];
/**
 * Every `AlertWindowMinutes` value.
 * @internal
 */
export const alertWindowMinutes: readonly AlertWindowMinutes[] = Object.values(AlertWindowMinutes);

/** The thresholds used when none are given. */
export const defaultAlertThresholds: Required<AlertThresholds> = {
  ptuUtilizationPercent: 90,
  throttledRequests: 10,
  timeToLastByteMs: 30000,
  spilloverRequests: 100,
  gatewayServerErrorPercent: 5,
  serverErrors: 5,
  windowMinutes: 15,
};

/**
 * The problems with a set of thresholds, as sentences; empty when they are valid.
 * @internal
 */
export function alertThresholdProblems(t: AlertThresholds): string[] {
  const problems: string[] = [];
  const check = (key: keyof AlertThresholds, ok: (v: number) => boolean, allowed: string) => {
    const value = t[key];
    if (value !== undefined && !(Number.isFinite(value) && ok(value))) {
      problems.push(`alerts.${key} is ${value}; allowed: ${allowed}`);
    }
  };
  check("ptuUtilizationPercent", (v) => v > 0 && v <= 100, "a percentage above 0 and at most 100");
  check("throttledRequests", (v) => Number.isInteger(v) && v >= 0, "a whole number of at least 0");
  check("timeToLastByteMs", (v) => v > 0, "a number of milliseconds above 0");
  check("spilloverRequests", (v) => Number.isInteger(v) && v >= 0, "a whole number of at least 0");
  check("gatewayServerErrorPercent", (v) => v > 0 && v <= 100, "a percentage above 0 and at most 100");
  check("serverErrors", (v) => Number.isInteger(v) && v >= 0, "a whole number of at least 0");
  check(
    "windowMinutes",
    (v) => (alertWindowMinutes as readonly number[]).includes(v),
    alertWindowMinutes.join(" | "),
  );
  return problems;
}
