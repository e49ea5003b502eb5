/**
 * Rendering helpers shared by the task pane tests (test/pane*.test.tsx).
 */
import { configure, render, screen, waitFor, within, type RenderResult } from "@testing-library/react";
import userEvent, { type UserEvent } from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { AnnounceProvider } from "../../src/taskpane/a11y/announce";
import { App } from "../../src/taskpane/App";
import type { OfficeEnvironment } from "../../src/taskpane/office-env";
import type { FakeHost } from "./pane-host";

// Reading and editing a real .docx takes longer than testing-library's default second.
configure({ asyncUtilTimeout: 15000 });

export interface Pane extends RenderResult {
  user: UserEvent;
}

/** What the pane announced through its announcer (useAnnounce), in order, since the last render. */
export const announced: string[] = [];
const announce = (message: string) => {
  announced.push(message);
};

/**
 * Renders the pane over a host and waits until its first read is over. The background check is
 * off unless `refreshPollMs` is given (tests that change the document under the pane would race it).
 */
export async function renderPane(
  host: FakeHost | null,
  options: { user?: UserEvent; environment?: OfficeEnvironment; refreshPollMs?: number } = {},
): Promise<Pane> {
  const user = options.user ?? userEvent.setup();
  announced.length = 0;
  const result = render(
    <FluentProvider theme={webLightTheme}>
      <AnnounceProvider value={{ announce }}>
        <App host={host} environment={options.environment} refreshPollMs={options.refreshPollMs ?? 0} />
      </AnnounceProvider>
    </FluentProvider>,
  );
  await waitIdle();
  return { ...result, user };
}

/** Waits until no host call is running (no spinner). */
export async function waitIdle(): Promise<void> {
  await waitFor(() => expect(document.querySelector(".fui-Spinner")).toBeNull());
}

/** The outline item of an entry, by its key ("bakgrund", "utvecklingsomrade#2"). */
export function item(key: string): HTMLElement {
  const el = document.querySelector<HTMLElement>(`[data-key="${key}"]`);
  if (!el) throw new Error(`no outline item ${key}`);
  return el;
}

export function itemKeys(): string[] {
  return Array.from(document.querySelectorAll<HTMLElement>("[data-key]")).map((el) => el.dataset.key ?? "");
}

/** The header button of an outline item. */
export function header(key: string): HTMLElement {
  return within(item(key)).getAllByRole("button")[0];
}

/** The status badge text of an outline item. */
export function status(key: string): string {
  return item(key).querySelector(".fui-Badge")?.textContent ?? "";
}

/** Opens an outline item (when closed) and returns it. */
export async function open(user: UserEvent, key: string): Promise<HTMLElement> {
  const button = header(key);
  if (button.getAttribute("aria-expanded") !== "true") await user.click(button);
  await waitFor(() => expect(header(key).getAttribute("aria-expanded")).toBe("true"));
  return item(key);
}

/** The open confirmation dialog. */
export async function dialog(): Promise<HTMLElement> {
  return screen.findByRole("dialog");
}

export function dialogButton(el: HTMLElement, name: string): HTMLElement {
  return within(el).getByRole("button", { name });
}

/** The Fluent message bars shown, with their intent. */
export function messageBars(): { intent: string | null; text: string }[] {
  return Array.from(document.querySelectorAll<HTMLElement>(".fui-MessageBar")).map((el) => ({
    intent: el.getAttribute("data-intent"),
    text: el.querySelector(".fui-MessageBarBody")?.textContent ?? "",
  }));
}

export { screen, userEvent, waitFor, within };
