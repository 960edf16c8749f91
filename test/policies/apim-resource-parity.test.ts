/** API, product, named value, backend and policy rules that mirror PSRule and Azure Policy (issue 15). */
import { types } from "../../policies/lib/types";
import { apimApiDescription } from "../../policies/rules/apim/api-description";
import { apimBackendTlsValidation } from "../../policies/rules/apim/backend-tls-validation";
import { apimNamedValueKeyVault } from "../../policies/rules/apim/named-value-key-vault";
import { apimPolicyCorsNoWildcard } from "../../policies/rules/apim/policy-cors-no-wildcard";
import { apimProductApprovalRequired } from "../../policies/rules/apim/product-approval-required";
import { apimProductDescription } from "../../policies/rules/apim/product-description";
import { unknown } from "../helpers/policy";
import { describeResourceRule } from "../helpers/rule-cases";
import { policyXml } from "./fixtures";

describeResourceRule({
  rule: apimProductApprovalRequired,
  type: types.apimProduct,
  compliant: [
    ["approval required", { subscriptionRequired: true, approvalRequired: true }],
    ["an open product (judged by apim-product-subscription-required)", { subscriptionRequired: false }],
  ],
  broken: [
    [
      "approval not set",
      { subscriptionRequired: true },
      /approvalRequired is not set \(Azure's default is false\)/,
    ],
    ["approval off", { approvalRequired: false }, /approvalRequired is false/],
  ],
  unknown: { approvalRequired: unknown.boolean },
  ignored: { type: types.apimApi, props: {} },
});

describeResourceRule({
  rule: apimApiDescription,
  type: types.apimApi,
  compliant: [
    [
      "display name and description",
      { displayName: "AI inference", description: "OpenAI-compatible inference." },
    ],
    ["a clone, described by its source", { sourceApiId: "/apis/inference" }],
  ],
  broken: [
    ["no description", { displayName: "AI inference" }, /The API has no description\./],
    ["neither", { displayName: " " }, /no displayName and no description/],
  ],
  unknown: { displayName: unknown.string },
  ignored: { type: types.apimProduct, props: {} },
});

describeResourceRule({
  rule: apimProductDescription,
  type: types.apimProduct,
  compliant: [["display name and description", { displayName: "Team A", description: "Models for team A." }]],
  broken: [["no description", { displayName: "Team A" }, /The product has no description\./]],
  unknown: { displayName: unknown.string },
  ignored: { type: types.apimApi, props: {} },
});

const kv = { secretIdentifier: "https://kv-ai.vault.azure.net/secrets/content-safety-key" };
describeResourceRule({
  rule: apimNamedValueKeyVault,
  type: types.apimNamedValue,
  compliant: [
    ["a secret from Key Vault", { secret: true, keyVault: kv }],
    ["a plain setting (secrets scope)", { secret: false, value: "pool-gpt-5" }],
    ["every value from Key Vault (all scope)", { value: "x", keyVault: kv }, { config: { scope: "all" } }],
  ],
  broken: [
    [
      "a secret held in API Management",
      { secret: true, value: "s3cr3t" },
      /is marked secret but holds its value/,
    ],
    [
      "a plain value under scope all",
      { value: "x" },
      /holds its value in API Management/,
      { config: { scope: "all" } },
    ],
  ],
  unknown: { secret: unknown.boolean },
  ignored: { type: types.apimBackend, props: { secret: true } },
});

describeResourceRule({
  rule: apimBackendTlsValidation,
  type: types.apimBackend,
  compliant: [
    ["defaults (validation on)", { url: "https://aif.openai.azure.com/openai" }],
    ["explicitly on", { tls: { validateCertificateChain: true, validateCertificateName: true } }],
  ],
  broken: [
    [
      "chain validation off",
      { tls: { validateCertificateChain: false } },
      /tls\.validateCertificateChain is false/,
    ],
    [
      "both off",
      { tls: { validateCertificateChain: false, validateCertificateName: false } },
      /validateCertificateChain and tls\.validateCertificateName are false/,
    ],
  ],
  unknown: { tls: { validateCertificateChain: unknown.boolean } },
  ignored: { type: types.apimApi, props: { tls: { validateCertificateChain: false } } },
});

const cors = (origin: string, method = "POST") =>
  policyXml({
    inbound: `<cors allow-credentials="false"><allowed-origins><origin>${origin}</origin></allowed-origins><allowed-methods><method>${method}</method></allowed-methods></cors>`,
  });
describeResourceRule({
  rule: apimPolicyCorsNoWildcard,
  type: types.apimApiPolicy,
  compliant: [
    ["named origins", { value: cors("https://app.contoso.com") }],
    ["no cors policy at all", { value: policyXml() }],
  ],
  broken: [
    ["any origin", { value: cors("*") }, /<allowed-origins> allows \*/],
    [
      "any method, in the global policy",
      { value: cors("https://app.contoso.com", "*") },
      /<allowed-methods> allows \*/,
      { type: types.apimPolicy },
    ],
  ],
  unknown: { value: unknown.string },
  ignored: { type: types.apimBackend, props: { value: cors("*") } },
});
