/**
 * LLM-as-judge: a judge deployment grades an answer against a rubric on a 1–5 scale, answering
 * JSON `{"score": 1-5, "reason": "..."}`; the score maps to 0..1 as (score − 1) / 4. Built-in
 * rubrics: `groundedness` (every claim supported by the context the conversation or
 * `metadata.context` gives) and `relevance` (the answer addresses the last user message); any
 * other text is used as the rubric itself. The judge's tokens are counted apart from the run's.
 */
import { ChatFn, ChatUsage } from "./client";
import { DatasetItem } from "./dataset";
import { Score } from "./evaluators";

export const builtInRubrics = {
  groundedness:
    "Groundedness: is every claim in the ANSWER supported by the CONTEXT? 5 = fully supported, nothing added; 3 = mostly supported with minor unsupported details; 1 = mostly unsupported or contradicting the context.",
  relevance:
    "Relevance: does the ANSWER directly and completely address the QUESTION? 5 = fully addresses it; 3 = partly, or with much irrelevant content; 1 = does not address it.",
} as const;

function textOf(content: unknown): string {
  if (typeof content === "string") {
    return content;
  }
  if (Array.isArray(content)) {
    return content
      .map((p) => (typeof (p as { text?: unknown }).text === "string" ? (p as { text: string }).text : ""))
      .filter((t) => t !== "")
      .join("\n");
  }
  return "";
}

/** The judge's prompt for one item. */
export function judgePrompt(
  rubric: string,
  item: DatasetItem,
  output: string,
): { role: string; content: string }[] {
  const question = [...item.messages].reverse().find((m) => m.role === "user");
  const metadataContext = item.metadata?.context;
  const context =
    typeof metadataContext === "string"
      ? metadataContext
      : item.messages
          .filter((m) => m.role === "system" || m.role === "developer" || m.role === "tool")
          .map((m) => textOf(m.content))
          .join("\n\n");
  const reference =
    typeof item.metadata?.referenceAnswer === "string" ? item.metadata.referenceAnswer : item.expected;
  const sections = [
    `QUESTION:\n${question ? textOf(question.content) : ""}`,
    `CONTEXT:\n${context || "(none)"}`,
    ...(reference !== undefined ? [`REFERENCE ANSWER:\n${reference}`] : []),
    `ANSWER:\n${output}`,
  ];
  return [
    {
      role: "system",
      content: `You grade answers of an AI assistant. Rubric: ${rubric}\nReply with JSON only: {"score": <integer 1-5>, "reason": "<one sentence>"}.`,
    },
    { role: "user", content: sections.join("\n\n") },
  ];
}

/** Reads the judge's reply: the first JSON object in it with an integer score 1–5. */
export function parseJudgeReply(text: string): Score {
  const match = /\{[\s\S]*\}/.exec(text);
  let value: { score?: unknown; reason?: unknown } | undefined;
  try {
    value = match ? (JSON.parse(match[0]) as typeof value) : undefined;
  } catch {
    value = undefined;
  }
  const raw = value?.score;
  if (typeof raw !== "number" || !Number.isInteger(raw) || raw < 1 || raw > 5) {
    throw new Error(
      `the judge did not answer {"score": 1-5, ...}: ${text.replace(/\s+/g, " ").slice(0, 120)}`,
    );
  }
  return {
    score: (raw - 1) / 4,
    reason: `judge ${raw}/5: ${typeof value?.reason === "string" ? value.reason : ""}`,
  };
}

/** Counts the judge's requests and tokens over a run. */
export class JudgeUsage {
  requests = 0;
  failed = 0;
  input = 0;
  cachedInput = 0;
  output = 0;

  add(usage: ChatUsage): void {
    this.input += usage.input;
    this.cachedInput += usage.cachedInput;
    this.output += usage.output;
  }
}

/** An LLM-judge scoring function over `chat`, counting into `usage`. */
export function llmJudge(chat: ChatFn, deployment: string, rubric: string, usage: JudgeUsage) {
  const text = rubric in builtInRubrics ? builtInRubrics[rubric as keyof typeof builtInRubrics] : rubric;
  return async (item: DatasetItem, output: string, signal: AbortSignal): Promise<Score> => {
    usage.requests += 1;
    try {
      const answer = await chat(deployment, judgePrompt(text, item, output), signal);
      usage.add(answer.usage);
      return parseJudgeReply(answer.text);
    } catch (err) {
      usage.failed += 1;
      throw err;
    }
  };
}
