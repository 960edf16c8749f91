/**
 * Credentials written in plain config. A value that carries one (a URL with a signature or key in
 * its query, a connection string with a key, a webhook URL whose path is its token, a URL with a
 * password) is readable by anyone who reads the repository and stays in its history. It is a config
 * error that names the key and the fix: `pulumi config set --secret --path '<key>' <value>` (Pulumi
 * then stores it encrypted as `secure: v1:...`), and rotating the credential, since it was exposed.
 *
 * Secret values are never judged: under the engine a top-level key marked secret (any value under it
 * set with `--secret`) is skipped as a whole, since the program cannot tell which of its values were
 * encrypted; the offline plan replaces each encrypted value with a placeholder and judges the rest.
 */
import { ConfigPath } from "./component-problems";
import { configNamespace } from "./namespace";
import { ConfigProblem, keyPath } from "./problems";

/**
 * Query parameters that carry a credential: `sig` (the signature of an Azure SAS and of a Logic Apps
 * or Power Automate trigger URL — Learn, "WorkflowTriggerListCallbackUrlQueries": `sig` is "the SAS
 * signature"), `code` (an Azure Functions access key — Learn, "Azure Functions HTTP trigger",
 * access keys in the `code` query parameter), API keys and tokens.
 */
const credentialParams = new Set([
  "sig",
  "signature",
  "code",
  "key",
  "apikey",
  "api-key",
  "api_key",
  "subscription-key",
  "token",
  "access_token",
  "auth_token",
  "secret",
  "client_secret",
  "password",
]);

/**
 * Parts of connection strings that are keys: Storage `AccountKey`, Service Bus and Event Hubs
 * `SharedAccessKey`, SAS `SharedAccessSignature`, Application Insights `InstrumentationKey`,
 * Communication Services `AccessKey`, database `Password`/`Pwd`.
 */
const connectionStringKey =
  /(?:^|;)\s*(AccountKey|SharedAccessKey|SharedAccessSignature|InstrumentationKey|AccessKey|Password|Pwd)\s*=\s*[^;\s]/i;

/**
 * Webhook URLs whose path is the token: Microsoft Teams / Office 365 connectors ("the webhooks
 * provide a unique URL", Learn, "Create Incoming Webhooks"; hosts `<tenant>.webhook.office.com` and
 * the older `outlook.office.com/webhook`), Slack incoming webhooks, Discord webhooks and PagerDuty
 * integration keys.
 */
const tokenWebhooks: readonly { readonly name: string; readonly host: RegExp; readonly path: RegExp }[] = [
  {
    name: "a Microsoft Teams / Office 365 connector webhook",
    host: /\.webhook\.office\.com$/i,
    path: /^\/webhook/i,
  },
  {
    name: "a Microsoft Teams / Office 365 connector webhook",
    host: /^outlook\.office(365)?\.com$/i,
    path: /^\/webhook\//i,
  },
  { name: "a Slack webhook", host: /^hooks\.slack\.com$/i, path: /^\/(services|workflows|triggers)\/.+/i },
  {
    name: "a Discord webhook",
    host: /^(discord|discordapp)\.com$/i,
    path: /^\/api\/webhooks\/[^/]+\/[^/]+/i,
  },
  { name: "a PagerDuty integration URL", host: /^events\.pagerduty\.com$/i, path: /^\/integration\/[^/]+/i },
];

/** What kind of credential `value` carries, or undefined when it looks like none. */
export function credentialIn(value: string): string | undefined {
  const text = value.trim();
  if (/^https?:\/\//i.test(text)) {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      return undefined;
    }
    if (url.password !== "") {
      return "a URL with a password";
    }
    for (const [name, v] of url.searchParams) {
      if (credentialParams.has(name.toLowerCase()) && v !== "") {
        return `a URL with a '${name}' query parameter`;
      }
    }
    const webhook = tokenWebhooks.find((w) => w.host.test(url.hostname) && w.path.test(url.pathname));
    return webhook ? `${webhook.name} URL (its path is the token)` : undefined;
  }
  const m = connectionStringKey.exec(text);
  return m ? `a connection string with ${m[1]}=` : undefined;
}

/** Every string leaf of `value` with its path. */
function* strings(value: unknown, path: ConfigPath): Generator<[ConfigPath, string]> {
  if (typeof value === "string") {
    yield [path, value];
  } else if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      yield* strings(item, [...path, i]);
    }
  } else if (typeof value === "object" && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      yield* strings(v, [...path, k]);
    }
  }
}

/** How the judge tells secret values apart. */
export interface SecretValues {
  /** Top-level keys (without namespace) with a secret value under them. */
  readonly secretKeys: ReadonlySet<string>;
  /**
   * The text that stands for each encrypted value (the offline plan's placeholder): values equal to
   * it are secret, the rest of a secret key is plain text and is judged.
   * @default - none: a secret top-level key is skipped as a whole (under the engine)
   */
  readonly placeholder?: string;
}

/** One problem per plain value that carries a credential, with the command that stores it as a secret. */
export function credentialProblems(
  raw: Readonly<Record<string, unknown>>,
  secrets: SecretValues,
): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  for (const [top, value] of Object.entries(raw)) {
    if (secrets.secretKeys.has(top) && secrets.placeholder === undefined) {
      continue;
    }
    for (const [path, text] of strings(value, [top])) {
      const what = text === secrets.placeholder ? undefined : credentialIn(text);
      if (what) {
        const key = keyPath(configNamespace, path);
        problems.push({
          key,
          value: "[redacted]",
          message:
            top === "tags"
              ? // Tags are plain properties of every resource: a secret config value would still be shown there.
                `${what} in a tag: tags are plain text on every resource, readable by anyone who can read the resources, even when the config value is a secret. Remove it from tags, and rotate the credential, since it is in the file's history`
              : `${what} in plain text: anyone who can read the repository can use it. Store it encrypted with \`pulumi config set --secret --path '${key}' '<value>'\`, and rotate the credential, since it is in the file's history`,
        });
      }
    }
  }
  return problems;
}
