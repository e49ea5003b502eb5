import { useState } from "react";
import { Body1, Button, Spinner, Title2, ToggleButton, makeStyles, tokens } from "@fluentui/react-components";
import { outlineKey } from "../core/keys";
import { entryOf, planGuidance, type OutlineEntry } from "../core/outline";
import { FeedbackAt, FeedbackProvider } from "./feedback/FeedbackAt";
import type { PlanstodHost } from "./host";
import { TextProvider } from "./i18n";
import { DegradedView } from "./DegradedView";
import { AboutMenu } from "./about/AboutMenu";
import { DiagnosticsView } from "./diagnostics/DiagnosticsView";
import { ErrorBoundary, Notice } from "./Messages";
import { getOfficeEnvironment, type OfficeEnvironment } from "./office-env";
import { Outline } from "./Outline";
import { PlanGuidance } from "./PlanGuidance";
import { ReviewView } from "./review/ReviewView";
import { REVIEW, TOP } from "./state/reducer";
import { problemMessage } from "./errors";
import { usePane, type AddRequest, type Pane } from "./state/usePane";
import { Summary } from "./Summary";
import { UnknownTemplate } from "./UnknownTemplate";
import { NewPlan } from "./new-plan/NewPlan";

export { TEXT } from "./text";
export { REFRESH_DELAY_MS, REFRESH_POLL_MS, SELECTION_DEBOUNCE_MS } from "./state/usePane";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
    // Less room at the sides in a narrow pane (160 px at Word's 200 % zoom): at most 5 % of it.
    padding: `${tokens.spacingVerticalL} min(${tokens.spacingHorizontalL}, 5%)`,
    // The pane's own width, for the @container rules of its parts.
    containerType: "inline-size",
    minWidth: 0,
    overflowWrap: "break-word",
    // Long compounds ("Utvecklingsområde", "Implementeringsplan") in a 160-px pane: hyphenated by
    // the language in `lang` where the browser has its dictionary (Word's WebView2 and Safari web
    // views do), else broken where they must be (overflowWrap).
    hyphens: "auto",
    // Buttons and message bars wrap their words in a narrow pane instead of running out of it.
    "& .fui-Button": { whiteSpace: "normal", height: "auto", maxWidth: "100%", minWidth: 0 },
    // (Notice is always multiline: icon, body, actions; the body may shrink below its longest word.)
    "& .fui-MessageBar": { minWidth: 0, gridTemplateColumns: "auto minmax(0, 1fr) auto" },
  },
  header: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalM,
    minWidth: 0,
  },
  brand: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, marginRight: "auto" },
  logo: {
    width: "32px",
    height: "32px",
    flexShrink: 0,
  },
  title: {
    margin: 0,
    // At 200 % zoom the name keeps to one line beside the logo.
    "@container (max-width: 240px)": {
      fontSize: tokens.fontSizeBase500,
      lineHeight: tokens.lineHeightBase500,
    },
  },
  messages: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  spinner: {
    justifyContent: "flex-start",
  },
  retry: {
    alignSelf: "flex-start",
  },
  views: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
  },
  panel: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
  },
});

export interface AppProps {
  /**
   * The document the pane works on; null when there is none (opened outside Word, or before the
   * Word adapter is wired in). The pane then shows the introduction and why it cannot read.
   */
  host: PlanstodHost | null;
  /** Defaults to reading the Office globals once, at first render. */
  environment?: OfficeEnvironment;
  /** Interval of the background check while the pane is visible (ms); 0 turns it off. */
  refreshPollMs?: number;
}

const addRequest = (entry: OutlineEntry, anchor?: string): AddRequest | null =>
  entry.block ? { ...entry.block, sectionId: entry.sectionId, anchor } : null;

export function App({ host, environment, refreshPollMs }: AppProps) {
  const styles = useStyles();
  const [env] = useState<OfficeEnvironment>(() => environment ?? getOfficeEnvironment());
  const pane = usePane(host, { refreshPollMs, displayLanguage: env.displayLanguage });
  const { state, text, actions } = pane;
  const missing = [
    ...(host?.capabilities.missing ?? []),
    ...(pane.followError ? [pane.followError] : []),
  ].map((problem) => problemMessage(problem, text));
  const canRead = host?.capabilities.read ?? false;
  /** The diagnostics page (self-test) is open. */
  const [diagnostics, setDiagnostics] = useState(false);
  const selfTest = host?.selfTest ? () => host.selfTest!() : null;

  if (diagnostics && selfTest) {
    return (
      <TextProvider value={text}>
        <main className={styles.root} lang={text.locale}>
          <DiagnosticsView
            run={selfTest}
            onClose={() => {
              setDiagnostics(false);
              actions.reread();
            }}
          />
        </main>
      </TextProvider>
    );
  }

  return (
    <TextProvider value={text}>
      <FeedbackProvider value={{ feedback: state.feedback, dismiss: actions.dismiss, goTo: actions.goTo }}>
        <main className={styles.root} lang={text.locale}>
          <header className={styles.header}>
            <div className={styles.brand}>
              <img className={styles.logo} src="assets/icon-64.png" alt="" />
              <Title2 as="h1" className={styles.title}>
                {text.title}
              </Title2>
            </div>
            <AboutMenu onSelfTest={selfTest && canRead ? () => setDiagnostics(true) : null} />
          </header>
          {/* With a host, what this Word lacks comes from host.capabilities.missing (shown below). */}
          {!host && env.inWord && !env.wordApiSupported && (
            <Notice intent="warning">{text.unsupported}</Notice>
          )}
          {!host && !env.inWord && (
            <Notice intent="info">
              {text.outsideWord}{" "}
              <a href="anvandarguide.html" target="_blank" rel="noreferrer">
                {text.userGuide}
              </a>
            </Notice>
          )}
          {(!host || (!state.snapshot && !state.busy && !state.feedback)) && (
            <Body1 as="p">{text.intro}</Body1>
          )}
          {missing.length > 0 && (
            <div className={styles.messages}>
              <Notice intent="warning" title={text.missingTitle}>
                {missing.join(" ")}
              </Notice>
            </div>
          )}
          <FeedbackAt anchor={TOP} />
          {!state.snapshot && state.feedback?.intent === "error" && canRead && !state.busy && (
            <Button className={styles.retry} appearance="primary" onClick={actions.reread}>
              {text.refresh}
            </Button>
          )}
          {state.busy && (
            <Spinner
              className={styles.spinner}
              size="tiny"
              labelPosition="after"
              label={state.busy === "read" ? text.loading : text.working}
            />
          )}
          <ErrorBoundary resetKey={state.snapshot} message={text.renderError}>
            {state.snapshot?.degraded && (
              <DegradedView
                message={problemMessage(state.snapshot.degraded, text)}
                template={state.snapshot.template}
                onRefresh={actions.reread}
                busy={state.busy !== null}
              />
            )}
            {state.snapshot &&
              !state.snapshot.degraded &&
              !state.snapshot.template &&
              (state.snapshot.empty && host?.createPlan ? (
                <NewPlan
                  onCreate={actions.create}
                  busy={state.busy !== null}
                  canCreate={host.canCreatePlan === true}
                />
              ) : (
                <UnknownTemplate onRefresh={actions.reread} busy={state.busy !== null} />
              ))}
            <Document pane={pane} host={host} />
          </ErrorBoundary>
        </main>
      </FeedbackProvider>
    </TextProvider>
  );
}

/** The recognised document: summary, the two views and the view shown. */
function Document({ pane, host }: { pane: Pane; host: PlanstodHost | null }) {
  const styles = useStyles();
  const { state, text, outline, review, currentKey, actions } = pane;
  const template = state.snapshot?.template;
  const report = state.snapshot?.report;
  if (!host || !template || !report || !outline || !review) return null;
  const caps = host.capabilities;
  const busy = state.busy !== null;
  const items = review.missingCount + review.warningCount;

  const add = (entry: OutlineEntry, anchor?: string) => {
    const request = addRequest(entry, anchor);
    if (request) actions.add(request);
  };
  const remove = (entry: OutlineEntry, row?: number, anchor?: string) => {
    if (!entry.block) return;
    if (entry.block.kind === "rows") {
      if (row === undefined) return;
      actions.remove({
        type: entry.block.type,
        index: row,
        title: entry.block.name,
        kind: "rows",
        anchor: anchor ?? entry.key,
        focusKey: anchor ? undefined : entry.key,
      });
      return;
    }
    const index = entry.block.index ?? 1;
    // The removed block's button had the focus: give it to the instance before it.
    const before = outlineKey({ sectionId: entry.sectionId, index: index - 1 });
    actions.remove({
      type: entry.block.type,
      index,
      title: entry.title,
      kind: "instances",
      anchor: anchor ?? before,
      focusKey: anchor ? undefined : before,
    });
  };

  return (
    <>
      <Summary
        templateName={template.name}
        report={report}
        busy={busy}
        canRead={caps.read}
        onRefresh={actions.reread}
      />
      {/* Two toggle buttons rather than a tab list: one tab stop each, and no focus guards. */}
      <div className={styles.views} role="group" aria-label={text.views.label}>
        <ToggleButton
          size="small"
          appearance={state.view === "outline" ? "primary" : "secondary"}
          checked={state.view === "outline"}
          onClick={() => actions.setView("outline")}
        >
          {text.views.outline}
        </ToggleButton>
        <ToggleButton
          size="small"
          appearance={state.view === "review" ? "primary" : "secondary"}
          checked={state.view === "review"}
          onClick={() => actions.setView("review")}
        >
          {text.views.review} ({items})
        </ToggleButton>
      </div>
      <div className={styles.panel} data-view={state.view}>
        {state.view === "outline" ? (
          <>
            <PlanGuidance lines={planGuidance(template)} />
            <nav aria-label={text.outlineLabel}>
              <Outline
                entries={outline}
                openItems={state.openItems}
                onOpenItemsChange={actions.setOpenItems}
                currentKey={currentKey}
                focusRequest={state.focusRequest}
                freshKey={state.fresh?.key}
                cursor={state.cursor}
                canNavigate={caps.navigate}
                canEdit={caps.editBlocks}
                busy={busy}
                onSelect={(field) => actions.select(field, entryOf(outline, field)?.key ?? TOP)}
                onAdd={(entry) => add(entry)}
                onRemove={(entry, row) => remove(entry, row)}
                canTick={host.canTick === true && typeof host.setChecked === "function"}
                onTick={(field, checked) => {
                  const entry = entryOf(outline, field);
                  actions.setChecked(field, checked, field.label, entry?.key ?? TOP);
                }}
              />
            </nav>
          </>
        ) : (
          <ReviewView
            review={review}
            outline={outline}
            cursor={state.cursor}
            step={state.reviewStep}
            requiredChange={state.requiredChange}
            canNavigate={caps.navigate}
            canEdit={caps.editBlocks && !caps.readOnly}
            canRemoveInstruction={typeof host.removeInstruction === "function"}
            busy={busy}
            onGoTo={actions.goToItem}
            onStep={actions.step}
            onAddBlock={(entry) => add(entry, REVIEW)}
            onRemoveBlock={(entry) => remove(entry, undefined, REVIEW)}
            onRemoveInstruction={actions.removeInstruction}
            comments={{
              available: caps.comments,
              onInsert: actions.insertComments,
              onRemove: actions.removeComments,
            }}
          />
        )}
      </div>
    </>
  );
}
