/**
 * @jest-environment jsdom
 */
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/App";
import { getOfficeEnvironment, isWordApiSupported } from "../../src/taskpane/office-env";

const TITLE = "Planstöd";
const INTRO =
  "Öppna Skolverkets åtgärdsplan eller IKO:s handlingsplan i Word så hjälper Planstöd dig att fylla i och granska den.";
const UNSUPPORTED =
  "Den här versionen av Word saknar stöd för Planstöd (WordApi 1.3 krävs). Använd Word för webben eller en nyare version av Word.";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

interface FakeOffice {
  context: {
    host?: string;
    officeTheme?: { bodyBackgroundColor: string };
    requirements: { isSetSupported: jest.Mock<boolean, [string, string?]> };
  };
}

/** A stand-in for the Office.js global; `host: undefined` mimics office.js in a plain browser tab. */
function installFakeOffice(options: { supported: boolean; host?: string; background?: string }): FakeOffice {
  const fake: FakeOffice = {
    context: {
      host: "host" in options ? options.host : "Word",
      officeTheme: options.background ? { bodyBackgroundColor: options.background } : undefined,
      requirements: { isSetSupported: jest.fn<boolean, [string, string?]>(() => options.supported) },
    },
  };
  Object.assign(globalThis, { Office: fake });
  return fake;
}

function removeFakeOffice(): void {
  delete (globalThis as { Office?: unknown }).Office;
}

let container: HTMLDivElement;
let root: Root;

function renderApp(): HTMLElement {
  act(() => {
    root.render(
      <FluentProvider theme={webLightTheme}>
        <App host={null} />
      </FluentProvider>,
    );
  });
  return container;
}

/** The Fluent message bars in the rendered pane. */
function messageBars(el: HTMLElement): HTMLElement[] {
  return Array.from(el.querySelectorAll<HTMLElement>(".fui-MessageBar"));
}

beforeEach(() => {
  container = document.createElement("div");
  document.body.appendChild(container);
  root = createRoot(container);
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
  removeFakeOffice();
});

describe("task pane App", () => {
  test("renders the Swedish title and introduction without Office", () => {
    expect(typeof (globalThis as { Office?: unknown }).Office).toBe("undefined");
    const el = renderApp();
    expect(el.querySelector("h1")?.textContent).toBe(TITLE);
    expect(el.textContent).toContain(INTRO);
    expect(el.textContent).not.toContain(UNSUPPORTED);
    // Outside Word the pane explains why it cannot do anything yet.
    const bars = messageBars(el);
    expect(bars).toHaveLength(1);
    expect(bars[0].getAttribute("data-intent")).toBe("info");
    expect(bars[0].textContent).toMatch(/utanför Word/);
  });

  test("warns when Word lacks WordApi 1.3", () => {
    const fake = installFakeOffice({ supported: false });
    const el = renderApp();
    expect(fake.context.requirements.isSetSupported).toHaveBeenCalledWith("WordApi", "1.3");
    const bars = messageBars(el);
    expect(bars).toHaveLength(1);
    expect(bars[0].textContent).toBe(UNSUPPORTED);
    expect(bars[0].getAttribute("data-intent")).toBe("warning");
    expect(el.querySelector("h1")?.textContent).toBe(TITLE);
    expect(el.textContent).toContain(INTRO);
  });

  test("shows no message bar in a Word that supports WordApi 1.3", () => {
    installFakeOffice({ supported: true });
    const el = renderApp();
    expect(messageBars(el)).toHaveLength(0);
    expect(el.textContent).toContain(INTRO);
  });
});

describe("office-env", () => {
  afterEach(removeFakeOffice);

  test("reports no Office when the global is missing", () => {
    expect(getOfficeEnvironment()).toEqual({
      officeLoaded: false,
      inWord: false,
      wordApiSupported: false,
      darkTheme: undefined,
    });
    expect(isWordApiSupported()).toBe(false);
  });

  test("office.js loaded outside Word is not treated as Word", () => {
    installFakeOffice({ supported: false, host: undefined });
    expect(getOfficeEnvironment()).toMatchObject({
      officeLoaded: true,
      inWord: false,
      wordApiSupported: false,
    });
  });

  test("follows the Office theme", () => {
    installFakeOffice({ supported: true, background: "#1F1F1F" });
    expect(getOfficeEnvironment()).toMatchObject({ inWord: true, wordApiSupported: true, darkTheme: true });
    installFakeOffice({ supported: true, background: "#FFFFFF" });
    expect(getOfficeEnvironment().darkTheme).toBe(false);
  });

  test("a throwing isSetSupported counts as unsupported", () => {
    const fake = installFakeOffice({ supported: true });
    fake.context.requirements.isSetSupported.mockImplementation(() => {
      throw new Error("not available");
    });
    expect(isWordApiSupported()).toBe(false);
  });
});
