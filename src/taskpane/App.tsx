import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Body1, Button, Spinner, Title2, makeStyles, tokens } from "@fluentui/react-components";
import { buildOutline, entryOf, type FieldKey, type OutlineEntry } from "../core/outline";
import type { EntryBlock } from "./BlockActions";
import { DegradedView } from "./DegradedView";
import { DiagnosticsLink } from "./diagnostics/DiagnosticsLink";
import { DiagnosticsView } from "./diagnostics/DiagnosticsView";
import { errorMessage } from "./errors";
import { HOST_NOTICE } from "./host-notices";
import type { PlanstodHost, Snapshot } from "./host";
import { ErrorBoundary, Notice } from "./Messages";
import { getOfficeEnvironment, type OfficeEnvironment } from "./office-env";
import { Outline } from "./Outline";
import { Summary } from "./Summary";
import { TEXT } from "./text";
import { UnknownTemplate } from "./UnknownTemplate";

export { TEXT } from "./text";

/** How long the cursor must rest before the pane asks the host where it is. */
export const SELECTION_DEBOUNCE_MS = 150;

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
  },
  header: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalM,
  },
  logo: {
    width: "32px",
    height: "32px",
    flexShrink: 0,
  },
  title: {
    margin: 0,
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
});

type Busy = "read" | "edit" | null;

export interface AppProps {
  /**
   * The document the pane works on; null when there is none (opened outside Word, or before the
   * Word adapter is wired in). The pane then shows the introduction and why it cannot read.
   */
  host: PlanstodHost | null;
  /** Defaults to reading the Office globals once, at first render. */
  environment?: OfficeEnvironment;
}

export function App({ host, environment }: AppProps) {
  const styles = useStyles();
  const [env] = useState<OfficeEnvironment>(() => environment ?? getOfficeEnvironment());
  const canRead = host?.capabilities.read ?? false;
  const canNavigate = host?.capabilities.navigate ?? false;
  const canEdit = host?.capabilities.editBlocks ?? false;

  const [snapshot, setSnapshot] = useState<Snapshot | null>(null);
  const [busy, setBusy] = useState<Busy>(() => (canRead ? "read" : null));
  const [error, setError] = useState<string | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const [openItems, setOpenItems] = useState<string[]>([]);
  const [cursor, setCursor] = useState<FieldKey | null>(null);
  const [focusRequest, setFocusRequest] = useState<{ key: string } | null>(null);
  /** Set when Word refused the selection subscription: cursor following is off. */
  const [followError, setFollowError] = useState<string | null>(null);
  /** The diagnostics page (self-test) is open. */
  const [diagnostics, setDiagnostics] = useState(false);

  const outline = useMemo<OutlineEntry[] | null>(
    () => (snapshot?.template && snapshot.report ? buildOutline(snapshot.template, snapshot.report) : null),
    [snapshot],
  );
  // The selection listener lives as long as the host; it reads the latest outline from here.
  const outlineRef = useRef<OutlineEntry[] | null>(null);
  useEffect(() => {
    outlineRef.current = outline;
  }, [outline]);

  const running = useRef(false);
  /** Runs one host call that yields a new snapshot, with the busy state and the messages around it. */
  const run = useCallback(
    async (
      kind: "read" | "edit",
      call: () => Promise<Snapshot>,
      done?: (next: Snapshot) => string | null,
    ) => {
      // One host call at a time: buttons stay focusable while busy (so keyboard focus is not lost),
      // so a second click is ignored here.
      if (!host || running.current) return;
      running.current = true;
      setBusy(kind);
      setError(null);
      setSuccess(null);
      try {
        const next = await call();
        setSnapshot(next);
        setSuccess(done?.(next) ?? null);
      } catch (e) {
        setError(errorMessage(e));
        if (kind === "edit") {
          // The document may have changed since it was read (that is usually why an edit is refused):
          // show it as it is now, keeping the message about the refusal.
          try {
            setSnapshot(await host.read());
          } catch {
            // The refusal message stays; "Uppdatera" tries again.
          }
        }
      } finally {
        running.current = false;
        setBusy(null);
      }
    },
    [host],
  );

  const refresh = useCallback(() => {
    if (host) void run("read", () => host.read());
  }, [host, run]);

  // The first read. `busy` starts as "read" when the host can read, so nothing is set synchronously
  // here. The host is fixed for the pane's life (give App a new `key` to change it).
  useEffect(() => {
    if (!host?.capabilities.read) return;
    let active = true;
    running.current = true;
    host
      .read()
      .then(
        (next) => active && setSnapshot(next),
        (e: unknown) => active && setError(errorMessage(e)),
      )
      .finally(() => {
        if (!active) return;
        running.current = false;
        setBusy(null);
      });
    return () => {
      active = false;
    };
  }, [host]);

  useEffect(() => {
    if (!host?.capabilities.followCursor) return;
    let active = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let latest = 0;
    const check = async () => {
      const call = ++latest;
      try {
        const field = await host.fieldAtCursor();
        if (!active || call !== latest) return;
        setCursor(field);
        const entry = field && outlineRef.current ? entryOf(outlineRef.current, field) : undefined;
        if (entry) setOpenItems((open) => (open.includes(entry.key) ? open : [...open, entry.key]));
      } catch {
        // Following the cursor is a convenience: a failed look-up must not cover the pane in
        // errors at every cursor move. The outline and its links keep working.
      }
    };
    const stop = host.onSelectionChanged(
      () => {
        clearTimeout(timer);
        timer = setTimeout(() => void check(), SELECTION_DEBOUNCE_MS);
      },
      (message) => {
        if (!active) return;
        clearTimeout(timer);
        setCursor(null);
        setFollowError(message);
      },
    );
    return () => {
      active = false;
      clearTimeout(timer);
      stop();
    };
  }, [host]);

  const select = useCallback(
    (field: FieldKey) => {
      if (!host) return;
      setCursor(field);
      host.select(field).catch((e: unknown) => {
        setSuccess(null);
        setError(errorMessage(e));
      });
    },
    [host],
  );

  const add = useCallback(
    (block: EntryBlock) => {
      if (!host) return;
      void run(
        "edit",
        () => host.addBlock(block.type),
        (next) => {
          const count = next.report?.blocks[block.type];
          if (count === undefined) return null;
          const added = TEXT.added(block, count);
          return next.trackChanges ? `${added} ${HOST_NOTICE.addedTracked}` : added;
        },
      );
    },
    [host, run],
  );

  const remove = useCallback(
    (entry: OutlineEntry) => {
      const index = entry.block?.index;
      if (!host || !entry.block || index == null) return;
      const type = entry.block.type;
      void run(
        "edit",
        () => host.removeBlock(type, index),
        (next) => {
          // The removed block's button had the focus: give it to the instance before it.
          setFocusRequest({ key: entry.key.replace(/#\d+$/, `#${index - 1}`) });
          const removed = TEXT.removed(entry.title);
          return next.trackChanges ? `${removed} ${HOST_NOTICE.removedTracked}` : removed;
        },
      );
    },
    [host, run],
  );

  const current = cursor && outline ? entryOf(outline, cursor) : undefined;
  const missing = [...(host?.capabilities.missing ?? []), ...(followError ? [followError] : [])];

  const selfTest = host?.selfTest ? () => host.selfTest!() : null;
  if (diagnostics && selfTest) {
    return (
      <main className={styles.root}>
        <DiagnosticsView
          run={selfTest}
          onClose={() => {
            setDiagnostics(false);
            refresh();
          }}
        />
      </main>
    );
  }

  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <img className={styles.logo} src="assets/icon-64.png" alt="" />
        <Title2 as="h1" className={styles.title}>
          {TEXT.title}
        </Title2>
      </header>
      {/* With a host, what this Word lacks comes from host.capabilities.missing (shown below). */}
      {!host && env.inWord && !env.wordApiSupported && <Notice intent="warning">{TEXT.unsupported}</Notice>}
      {!host && !env.inWord && <Notice intent="info">{TEXT.outsideWord}</Notice>}
      {(!host || (!snapshot && !busy && !error)) && <Body1 as="p">{TEXT.intro}</Body1>}
      {(missing.length > 0 || error || success) && (
        <div className={styles.messages}>
          {missing.length > 0 && (
            <Notice intent="warning" title={TEXT.missingTitle}>
              {missing.join(" ")}
            </Notice>
          )}
          {error && (
            <Notice intent="error" onDismiss={() => setError(null)}>
              {error}
            </Notice>
          )}
          {success && (
            <Notice intent="success" onDismiss={() => setSuccess(null)}>
              {success}
            </Notice>
          )}
        </div>
      )}
      {!snapshot && error && canRead && !busy && (
        <Button className={styles.retry} appearance="primary" onClick={refresh}>
          {TEXT.refresh}
        </Button>
      )}
      {busy && (
        <Spinner
          className={styles.spinner}
          size="tiny"
          labelPosition="after"
          label={busy === "read" ? TEXT.loading : TEXT.working}
        />
      )}
      <ErrorBoundary resetKey={snapshot}>
        {snapshot?.degraded && (
          <DegradedView
            message={snapshot.degraded}
            template={snapshot.template}
            onRefresh={refresh}
            busy={busy !== null}
          />
        )}
        {snapshot && !snapshot.degraded && !snapshot.template && (
          <UnknownTemplate onRefresh={refresh} busy={busy !== null} />
        )}
        {snapshot?.template && snapshot.report && outline && (
          <>
            <Summary
              templateName={snapshot.template.name}
              report={snapshot.report}
              busy={busy !== null}
              canRead={canRead}
              onRefresh={refresh}
            />
            <nav aria-label={TEXT.outlineLabel}>
              <Outline
                entries={outline}
                openItems={openItems}
                onOpenItemsChange={setOpenItems}
                currentKey={current?.key}
                focusRequest={focusRequest}
                cursor={cursor}
                canNavigate={canNavigate}
                canEdit={canEdit}
                busy={busy !== null}
                onSelect={select}
                onAdd={add}
                onRemove={remove}
              />
            </nav>
          </>
        )}
      </ErrorBoundary>
      {selfTest && canRead && <DiagnosticsLink onOpen={() => setDiagnostics(true)} />}
    </main>
  );
}
