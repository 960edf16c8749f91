/**
 * Every rule of the pack, in the order they are reported. Tests import this list directly; the
 * pack (`index.ts`) serves it.
 */
import { Rule } from "./lib/rule";
import { aiAccountDisableLocalAuth } from "./rules/ai/account-disable-local-auth";

export const policies: Rule[] = [aiAccountDisableLocalAuth];
