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
