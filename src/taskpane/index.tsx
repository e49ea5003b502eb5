import { createRoot } from "react-dom/client";
import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { Announcer } from "./a11y/announce";
import { App } from "./App";
import { getOfficeEnvironment, waitForOffice } from "./office-env";
import { createWordHost } from "../office/word-host";
import { setXmlDom } from "../ooxml/xml/dom";
import { browserXmlDom } from "./browser-xml";

// The engine parses Word's OOXML with the browser's own XML parser.
setXmlDom(browserXmlDom(window));

function prefersDarkColorScheme(): boolean {
  return typeof window.matchMedia === "function" && window.matchMedia("(prefers-color-scheme: dark)").matches;
}

async function main(): Promise<void> {
  // taskpane.html found an engine too old for the pane and shows its message instead.
  if (document.documentElement.hasAttribute("data-planstod-unsupported")) return;
  // office.js is loaded from Microsoft's CDN by taskpane.html. When it is missing (offline, or the page
  // is opened in a plain browser without it) the pane renders anyway and App shows a notice.
  await waitForOffice();
  const environment = getOfficeEnvironment();
  const dark = environment.darkTheme ?? prefersDarkColorScheme();

  const container = document.getElementById("container");
  if (!container) throw new Error("taskpane.html lacks the #container element");
  // Inside Word the adapter (src/office/) is the host; in a plain browser there is no document.
  const host = environment.inWord ? createWordHost() : null;
  createRoot(container).render(
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme} style={{ minHeight: "100vh" }}>
      {/* The live region the pane announces its results through (useAnnounce). */}
      <Announcer>
        <App host={host} environment={environment} />
      </Announcer>
    </FluentProvider>,
  );
}

main().catch((error: unknown) => {
  console.error("Planstöd could not start", error);
});
