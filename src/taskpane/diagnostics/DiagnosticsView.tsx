import { useId, useRef, useState } from "react";
import { Body1, Button, Spinner, Subtitle1, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { errorMessage } from "../errors";
import { Notice } from "../Messages";
import type { SelfTestResult } from "./types";

/** Swedish texts of the diagnostics page (the result itself is English JSON for the developers). */
export const DIAGNOSTICS_TEXT = {
  title: "Självtest för Word",
  intro:
    "Självtestet kontrollerar att den här versionen av Word beter sig som Planstöd förutsätter. Kör det bara på en kopia av ett testdokument: testet flyttar markören och lägger till och tar bort ett utvecklingsområde eller en rad.",
  checklist: "Hur du kör testet och vad resultaten betyder står i docs/word-checklist.md.",
  run: "Kör självtestet",
  running: "Självtestet körs…",
  resultLabel: "Resultat som JSON",
  copy: "Kopiera resultatet",
  copied: "Resultatet är kopierat. Klistra in det i ett mejl eller ett ärende.",
  copyFailed: "Kopieringen gick inte. Markera texten i rutan och kopiera den med Ctrl+C (Cmd+C på Mac).",
  back: "Tillbaka",
  summary: (s: SelfTestResult["summary"]): string =>
    `${s.ok} ok, ${s.warn} ${s.warn === 1 ? "varning" : "varningar"}, ${s.fail} fel, ${s.skipped} överhoppade.`,
} as const;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", alignItems: "flex-start", gap: tokens.spacingVerticalM },
  heading: { margin: 0 },
  result: { width: "100%", fontFamily: tokens.fontFamilyMonospace },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

/** The diagnostics page: runs the host's self-test and shows its JSON to copy. */
export function DiagnosticsView(props: { run: () => Promise<SelfTestResult>; onClose: () => void }) {
  const styles = useStyles();
  const titleId = useId();
  const [state, setState] = useState<"idle" | "running" | "done">("idle");
  const [result, setResult] = useState<SelfTestResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copy, setCopy] = useState<"copied" | "failed" | null>(null);
  const area = useRef<HTMLTextAreaElement>(null);
  const json = result ? JSON.stringify(result, null, 2) : "";

  const start = async () => {
    setState("running");
    setError(null);
    setCopy(null);
    try {
      setResult(await props.run());
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setState("done");
    }
  };

  const copyResult = async () => {
    try {
      await navigator.clipboard.writeText(json);
      setCopy("copied");
    } catch {
      area.current?.select();
      setCopy("failed");
    }
  };

  return (
    <section className={styles.root} aria-labelledby={titleId}>
      <Subtitle1 as="h2" id={titleId} className={styles.heading}>
        {DIAGNOSTICS_TEXT.title}
      </Subtitle1>
      <Body1 as="p">{DIAGNOSTICS_TEXT.intro}</Body1>
      <Body1 as="p">{DIAGNOSTICS_TEXT.checklist}</Body1>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => void start()} disabled={state === "running"}>
          {DIAGNOSTICS_TEXT.run}
        </Button>
        <Button onClick={props.onClose} disabled={state === "running"}>
          {DIAGNOSTICS_TEXT.back}
        </Button>
      </div>
      {state === "running" && <Spinner size="tiny" labelPosition="after" label={DIAGNOSTICS_TEXT.running} />}
      {error && <Notice intent="error">{error}</Notice>}
      {result && (
        <>
          <Notice intent={result.summary.fail > 0 ? "warning" : "success"}>
            {DIAGNOSTICS_TEXT.summary(result.summary)}
          </Notice>
          <Textarea
            className={styles.result}
            textarea={{ ref: area }}
            aria-label={DIAGNOSTICS_TEXT.resultLabel}
            value={json}
            readOnly
            resize="vertical"
            rows={12}
          />
          <Button onClick={() => void copyResult()}>{DIAGNOSTICS_TEXT.copy}</Button>
          {copy && (
            <Notice intent={copy === "copied" ? "success" : "warning"}>
              {copy === "copied" ? DIAGNOSTICS_TEXT.copied : DIAGNOSTICS_TEXT.copyFailed}
            </Notice>
          )}
        </>
      )}
    </section>
  );
}
