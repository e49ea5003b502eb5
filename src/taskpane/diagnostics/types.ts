/**
 * The self-test's result: what the adapter assumes about Word, checked in the running client.
 * Plain JSON, so that a user can copy it into an issue or an e-mail (docs/word-checklist.md).
 */

export type CheckStatus = "ok" | "warn" | "fail" | "skipped";

export interface SelfTestCheck {
  /** Stable id, listed in docs/word-checklist.md. */
  id: string;
  status: CheckStatus;
  /** One English sentence for the developers: what was seen. */
  detail: string;
  /** What was measured (counts, texts, round trips). */
  data?: Record<string, unknown>;
}

export interface SelfTestResult {
  selfTest: "planstod-word-assumptions";
  version: 1;
  ranAt: string;
  client: {
    host: string | null;
    platform: string | null;
    officeVersion: string | null;
    /** Office.context.document.mode ("readOnly" / "readWrite"). */
    documentMode: string | null;
    /** The highest version of each requirement set the client reports, or null when none. */
    requirementSets: Record<string, string | null>;
    /** The profile of the Word double this client behaves like, and the WordApi level it reports. */
    behavesLike?: { name: "web" | "windows" | "mac"; wordApi: string | null };
  };
  document: { template: string | null; bodyParagraphs: number | null };
  checks: SelfTestCheck[];
  summary: Record<CheckStatus, number>;
}
