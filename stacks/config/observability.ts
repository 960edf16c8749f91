import { z } from "zod";
import { alertWindowMinutes, logCategoryGroups } from "../../components/observability/settings";

/**
 * The offline plan cannot decrypt `secure:` values and substitutes this text for them (the real
 * engine hands the program the decrypted value); values that may be secret accept it.
 */
const secretPlaceholder = "[secret]";

const email = z.string().refine((v) => v === secretPlaceholder || /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v), {
  message: "must be an email address, for example platform-team@contoso.com",
});

const webhook = z
  .strictObject({
    name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9 _.-]{0,50}$/, {
      message: "must be 1 to 51 letters, digits, spaces, '_', '.' or '-', starting with a letter or digit",
    }),
    url: z
      .string()
      .refine((v) => v === secretPlaceholder || /^https:\/\/\S+$/.test(v), {
        message:
          "must be an https:// URL; set it with `pulumi config set --secret --path 'foundry-platform:observability.notifications.webhooks[<i>].url' <url>`",
      })
      .describe(
        "Webhook URL; it usually carries a token, so set it with `pulumi config set --secret --path`.",
      ),
  })
  .describe("A webhook the alerts and the budget call (common alert schema).");

/** Monitoring of the stack: the workspace, diagnostic settings, alerts and who is told. */
export const observabilityConfig = z
  .strictObject({
    retentionDays: z
      .number()
      .int()
      .min(30)
      .max(730)
      .optional()
      .describe(
        "Days the Log Analytics workspace keeps data. Default: 30 in dev, 60 in staging, 90 in prod.",
      ),
    dailyCapGb: z
      .number()
      .positive()
      .optional()
      .describe(
        "Daily ingestion cap of the workspace in GB; ingestion stops for the day at the cap. Default: none.",
      ),
    logCategoryGroup: z
      .enum(logCategoryGroups)
      .optional()
      .describe(
        "Resource logs collected from the AI accounts and the gateway: allLogs or audit (cheaper; no request logs). Default: allLogs.",
      ),
    notifications: z
      .strictObject({
        emails: z
          .array(email)
          .default([])
          .describe("Email addresses told about alerts and budget thresholds."),
        webhooks: z.array(webhook).default([]).describe("Webhooks told about alerts and budget thresholds."),
      })
      .optional()
      .describe("Receivers of the action group. Default: none (alerts show in the portal only)."),
    alerts: z
      .strictObject({
        ptuUtilizationPercent: z
          .number()
          .gt(0)
          .max(100)
          .optional()
          .describe("Provisioned utilization (%) above which a deployment alerts. Default: 90."),
        throttledRequests: z
          .number()
          .int()
          .min(0)
          .optional()
          .describe("Throttled (429) responses per window above which a deployment alerts. Default: 10."),
        timeToLastByteMs: z
          .number()
          .positive()
          .optional()
          .describe("Average time to last byte (ms) above which a deployment alerts. Default: 30000."),
        spilloverRequests: z
          .number()
          .int()
          .min(0)
          .optional()
          .describe(
            "Requests spilled over from provisioned to standard per window above which an account alerts. Default: 100.",
          ),
        gatewayServerErrorPercent: z
          .number()
          .gt(0)
          .max(100)
          .optional()
          .describe(
            "Share (%) of gateway requests ending in 5xx above which the gateway alerts. Default: 5.",
          ),
        serverErrors: z
          .number()
          .int()
          .min(0)
          .optional()
          .describe("Server errors (5xx) per window above which a deployment alerts. Default: 5."),
        windowMinutes: z
          .literal([...alertWindowMinutes])
          .optional()
          .describe("Window every alert evaluates, in minutes. Default: 15."),
      })
      .optional()
      .describe("Alert thresholds."),
  })
  .superRefine((config, ctx) => {
    const seen = new Map<string, number>();
    (config.notifications?.webhooks ?? []).forEach((w, i) => {
      const first = seen.get(w.name);
      if (first !== undefined) {
        ctx.addIssue({
          code: "custom",
          path: ["notifications", "webhooks", i, "name"],
          input: w.name,
          message: `duplicate webhook name; webhooks[${first}] already uses it; give each webhook its own name`,
        });
      }
      seen.set(w.name, i);
    });
  })
  .describe("Monitoring: Log Analytics, Application Insights, diagnostic settings, alerts and a workbook.");

export type ObservabilityConfig = z.infer<typeof observabilityConfig>;
