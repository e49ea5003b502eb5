import { Component, useId, type ErrorInfo, type ReactNode } from "react";
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  type MessageBarIntent,
} from "@fluentui/react-components";
import { sv, useText } from "./i18n";

export interface NoticeProps {
  intent: MessageBarIntent;
  /** Shown in bold before the text; the bar is labelled by it (else by its text). */
  title?: string;
  children: ReactNode;
  /** When given, the bar gets a close button. */
  onDismiss?: () => void;
}

/** A Fluent message bar. Its text is rendered as text, never as HTML. */
export function Notice({ intent, title, children, onDismiss }: NoticeProps) {
  const bodyId = useId();
  const text = useText();
  // data-intent lets tests and tooling tell the notices apart; Fluent renders the intent only as styling.
  // Fluent labels the bar by its title; without one, label it by its text instead of a missing id.
  return (
    <MessageBar
      intent={intent}
      layout="multiline"
      data-intent={intent}
      {...(title === undefined ? { "aria-labelledby": bodyId } : {})}
    >
      <MessageBarBody id={bodyId}>
        {title !== undefined && <MessageBarTitle>{title}</MessageBarTitle>}
        {children}
      </MessageBarBody>
      {onDismiss && (
        <MessageBarActions
          containerAction={
            <Button appearance="transparent" size="small" aria-label={text.dismiss} onClick={onDismiss}>
              ✕
            </Button>
          }
        />
      )}
    </MessageBar>
  );
}

interface BoundaryProps {
  children: ReactNode;
  /** Changing it clears a caught error (e.g. after a new snapshot). */
  resetKey: unknown;
  /** The message shown instead, in the pane's language. */
  message?: string;
}

interface BoundaryState {
  failed: boolean;
  resetKey: unknown;
}

/** Shows a Swedish message bar instead of a blank pane when rendering fails. */
export class ErrorBoundary extends Component<BoundaryProps, BoundaryState> {
  override state: BoundaryState = { failed: false, resetKey: this.props.resetKey };

  static getDerivedStateFromError(): Partial<BoundaryState> {
    return { failed: true };
  }

  static getDerivedStateFromProps(props: BoundaryProps, state: BoundaryState): Partial<BoundaryState> | null {
    return props.resetKey !== state.resetKey ? { failed: false, resetKey: props.resetKey } : null;
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // For the developer console only; the user sees the Swedish message bar.
    console.error("Planstöd: the pane could not be rendered", error, info.componentStack);
  }

  override render(): ReactNode {
    if (this.state.failed) return <Notice intent="error">{this.props.message ?? sv.renderError}</Notice>;
    return this.props.children;
  }
}
