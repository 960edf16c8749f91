import { z } from "zod";
import { regionNames } from "../../components/common/regions";

/** An Azure region name as ARM spells it. */
export const region = z
  .enum(regionNames)
  .describe("Azure region, as ARM spells it (for example swedencentral).");

/** A short lower-case identifier that becomes part of resource names. */
export const shortName = z.string().regex(/^[a-z][a-z0-9]{1,11}$/, {
  message: "must be 2 to 12 lower-case letters or digits, starting with a letter",
});

/** A gateway team's name: it names the team's API Management product (`team-<name>`). */
export const teamName = z.string().regex(/^[a-z][a-z0-9-]{0,38}[a-z0-9]$/, {
  message: "must be 2 to 40 lower-case letters, digits or '-', starting with a letter",
});
