import { z } from "zod";

const objectId = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, {
  message: "must be an Entra ID object id (a GUID)",
});

const groupConfig = z
  .strictObject({
    objectId: objectId
      .optional()
      .describe("Object id of an existing Entra ID group to use instead of creating one."),
    members: z
      .array(objectId)
      .optional()
      .describe("Object ids of users, groups or service principals to put in the created group."),
  })
  .superRefine((group, ctx) => {
    if (group.objectId !== undefined && group.members !== undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["members"],
        input: group.members,
        message:
          "members apply only to a group created here; remove them, or remove objectId to create the group",
      });
    }
  });

/**
 * Who may do what: Entra ID groups per environment. Their roles are fixed by the platform
 * (developers: Cognitive Services OpenAI User and Azure AI User; admins: Cognitive Services
 * Contributor; readers: Monitoring Reader and Log Analytics Reader); the config only picks the groups.
 */
export const accessConfig = z
  .strictObject({
    admins: groupConfig
      .optional()
      .describe(
        "Platform admins: Cognitive Services Contributor on the AI accounts. Default: a group is created.",
      ),
    developers: groupConfig
      .optional()
      .describe(
        "AI developers: Cognitive Services OpenAI User on the accounts, Azure AI User on the projects. Default: a group is created.",
      ),
    readers: groupConfig
      .optional()
      .describe(
        "Readers: Monitoring Reader on the resource group, Log Analytics Reader on the workspace. Default: a group is created.",
      ),
    automationIdentities: z
      .array(
        z.strictObject({
          name: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, {
            message: "must be 1 to 40 lower-case letters, digits or '-', starting with a letter or digit",
          }),
          principalId: objectId.describe(
            "Object (principal) id of the managed identity or service principal.",
          ),
        }),
      )
      .optional()
      .describe(
        "Workload identities that call the models directly (Cognitive Services OpenAI User on every account), also where people go only through the gateway (staging, prod). Default: none.",
      ),
  })
  .describe(
    "Entra ID groups (created as grp-<workload>-<env>-ai-<group>, or existing ones by object id) and automation identities.",
  );

export type AccessConfig = z.infer<typeof accessConfig>;
