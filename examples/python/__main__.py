"""An app team's AI platform, and a standalone Foundry account, from the foundry-platform package.

`pulumi install` generates the `pulumi_foundry_platform` SDK from the package (Pulumi.yaml,
`packages`); the components run in the package's Node.js host, so the checks, defaults and policy
guardrails are the same as for TypeScript programs.
"""

import pulumi
import pulumi_foundry_platform as foundry

config = pulumi.Config()
owner = config.get("owner") or "ai-platform@contoso.com"

deployment = foundry.ModelDeploymentSpecArgs(
    model="gpt-5.4-mini",
    version="2026-03-17",
    type=foundry.DeploymentType.GLOBAL_STANDARD,
    capacity=50,
    version_upgrade_option=foundry.VersionUpgradeOption.ONCE_CURRENT_VERSION_EXPIRED,
    expected_traffic=foundry.ExpectedTrafficArgs(
        requests_per_minute=20,
        input_tokens=1500,
        output_tokens=400,
    ),
)

platform = foundry.AiPlatform(
    "platform",
    environment=foundry.Environment.DEV,
    owner=owner,
    cost_center="CC-1234",
    workload="contoso",
    location=foundry.AzureRegion.SWEDENCENTRAL,
    tags={"application": "assistants"},
    accounts=[
        foundry.PlatformAccountSpecArgs(
            name="main",
            deployments=[deployment],
            projects=[foundry.FoundryProjectSpecArgs(name="assistants")],
            default_rai_policy_name="contoso-strict",
        ),
    ],
    budget=foundry.PlatformBudgetSpecArgs(monthly_amount=300),
    automation_identities=[
        foundry.AutomationIdentitySpecArgs(
            name="batch",
            principal_id="00000000-0000-0000-0000-0000000000bb",
        ),
    ],
)

# A standalone account in the platform's resource group, sending its logs to the platform's workspace.
research = foundry.FoundryAccount(
    "research",
    resource_group_name=platform.resource_group_name,
    location="swedencentral",
    account_name="aif-contoso-dev-sdc-research",
    diagnostic_settings=[
        foundry.DiagnosticSettingSpecArgs(workspace_resource_id=platform.workspace_resource_id),
    ],
    tags={"environment": "dev", "owner": owner, "costCenter": "CC-1234"},
    deployments=[deployment],
    network_acls=foundry.AccountNetworkAclsArgs(
        default_action=foundry.NetworkRuleAction.DENY,
        ip_rules=["203.0.113.0/24"],
    ),
)

pulumi.export("resource_group_name", platform.resource_group_name)
pulumi.export("account_endpoints", platform.account_endpoints)
pulumi.export("research_endpoint", research.endpoint)
pulumi.export("research_deployments", research.deployment_specs)
