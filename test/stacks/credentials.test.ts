/**
 * Secrets stay secret: a credential in plain config is an error naming the key and the command that
 * stores it encrypted; the value itself never shows. Values set with --secret, and plain values
 * that carry no credential (an owner, an e-mail, a URL without a key), pass.
 */
import { strict as assert } from "node:assert";
import { credentialIn, credentialProblems } from "../../stacks/config/credentials";
import { edit, loadText, problemsOf, stackText } from "../helpers/stack-config";

const logicApp =
  "https://prod-12.westeurope.logic.azure.com:443/workflows/abc/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=AbCdEf123";

describe("credentials in plain config", () => {
  const credentials: [string, string, RegExp][] = [
    ["a Logic Apps / Power Automate trigger URL", logicApp, /a URL with a 'sig' query parameter/],
    [
      "an Azure Functions key",
      "https://fn.azurewebsites.net/api/alert?code=abc123",
      /'code' query parameter/,
    ],
    ["an API key in the query", "https://hooks.example.com/x?api-key=abc", /'api-key' query parameter/],
    ["a token in the query", "https://hooks.example.com/x?Token=abc", /'Token' query parameter/],
    [
      "a Teams / Office 365 connector",
      "https://contoso.webhook.office.com/webhookb2/1111@2222/IncomingWebhook/3333/4444",
      /Microsoft Teams \/ Office 365 connector webhook URL \(its path is the token\)/,
    ],
    [
      "an older Office 365 connector",
      "https://outlook.office.com/webhook/1111@2222/IncomingWebhook/3/4",
      /Office 365/,
    ],
    ["a Slack webhook", "https://hooks.slack.com/services/T000/B000/XXXX", /a Slack webhook URL/],
    ["a URL with a password", "https://user:p4ss@hooks.example.com/x", /a URL with a password/],
    [
      "a storage connection string",
      "DefaultEndpointsProtocol=https;AccountName=st;AccountKey=abc==;EndpointSuffix=core.windows.net",
      /a connection string with AccountKey=/,
    ],
    [
      "a SAS connection string",
      "Endpoint=sb://x/;SharedAccessKeyName=r;SharedAccessKey=abc",
      /SharedAccessKey=/,
    ],
    [
      "an Application Insights connection string",
      "InstrumentationKey=0000;IngestionEndpoint=https://x",
      /InstrumentationKey=/,
    ],
  ];
  for (const [what, value, kind] of credentials) {
    it(`finds ${what}`, () => assert.match(credentialIn(value) ?? "(none)", kind));
  }

  for (const value of [
    "platform-team@contoso.com",
    "CC-1001",
    "https://alerts.contoso.com/hook",
    "https://hooks.example.com/x?api-version=2024-01-01&sp=read",
    "https://hooks.slack.com/",
    "Team assistants",
    "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv",
  ]) {
    it(`leaves ${value} alone`, () => assert.equal(credentialIn(value), undefined));
  }

  it("makes a signed webhook URL in plain YAML an error with the secret command for its key, never the value", () => {
    const text = edit(stackText("prod"), {
      "observability.notifications.webhooks": [{ name: "oncall", url: logicApp }],
    });
    assert.deepEqual(problemsOf(text), [
      "foundry-platform:observability.notifications.webhooks[0].url (got [redacted]): a URL with a 'sig' query parameter in plain text: anyone who can read the repository can use it. Store it encrypted with `pulumi config set --secret --path 'foundry-platform:observability.notifications.webhooks[0].url' '<value>'`, and rotate the credential, since it is in the file's history",
    ]);
  });

  it("accepts the same URL set with --secret, and judges the plain values beside it", () => {
    const text = edit(stackText("prod"), {
      "observability.notifications.webhooks": [
        { name: "oncall", url: { secure: "v1:abcdef" } },
        { name: "slack", url: "https://hooks.slack.com/services/T000/B000/XXXX" },
      ],
    });
    const problems = problemsOf(text);
    assert.equal(problems.length, 1, problems.join("\n"));
    assert.match(
      problems[0],
      /^foundry-platform:observability\.notifications\.webhooks\[1\]\.url \(got \[redacted\]\)/,
    );
    assert.doesNotMatch(problems[0], /T000/);
    assert.doesNotThrow(() =>
      loadText(
        edit(stackText("prod"), {
          "observability.notifications.webhooks": [{ name: "oncall", url: { secure: "v1:abc" } }],
        }),
      ),
    );
  });

  it("says to remove a credential from tags: a tag is never secret", () => {
    const [problem] = problemsOf(
      edit(stackText("dev"), { tags: { ai: "InstrumentationKey=0000;IngestionEndpoint=https://x" } }),
    );
    assert.match(
      problem,
      /^foundry-platform:tags\.ai \(got \[redacted\]\): .* in a tag: tags are plain text on every resource/,
    );
    assert.doesNotMatch(problem, /--secret/);
  });

  it("under the engine, skips a top-level key that holds a secret (its values arrive decrypted)", () => {
    const raw = {
      observability: { notifications: { webhooks: [{ name: "a", url: logicApp }] } },
      owner: logicApp,
    };
    assert.deepEqual(
      credentialProblems(raw, { secretKeys: new Set(["observability"]) }).map((p) => p.key),
      ["foundry-platform:owner"],
    );
  });

  it("never suggests making a plain, non-credential key such as owner a secret", () => {
    assert.deepEqual(problemsOf(stackText("prod")), []);
  });
});
