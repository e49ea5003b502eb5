// What `npm run build:prod` (scripts/build-prod.mjs) and webpack.config.js share to make the files an
// organisation publishes: the checks of PLANSTOD_URL, PLANSTOD_ID and PLANSTOD_SUPPORT, the
// production manifest made from the development manifest.xml, the version and contact filled into
// support.html and privacy.html, and the user guide page made from docs/anvandarguide.md.
//
// CommonJS, because webpack.config.js is; build-prod.mjs imports it as well.
const fs = require("node:fs");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..");
const DEV_URL = "https://localhost:3000/";
/** The production add-in's Id unless an organisation sets PLANSTOD_ID (manifest.xml has its own). */
const PRODUCTION_ID = "88db5247-0153-4d4b-8f5d-400e6fd18f25";
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A mistake in what the person building gave; its message is shown as it is, without a stack. */
class PublishError extends Error {}

function packageVersion() {
  return JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).version;
}

function isLocalHost(hostname) {
  const host = hostname.replace(/^\[|\]$/g, "").toLowerCase();
  return (
    host === "localhost" ||
    host.endsWith(".localhost") ||
    /^127\./.test(host) ||
    host === "0.0.0.0" ||
    host === "::1" ||
    host === "::"
  );
}

/** PLANSTOD_URL checked and normalised to end with "/". Throws PublishError with the reason. */
function publishUrl(raw) {
  const value = (raw ?? "").trim();
  const example = "Exempel: PLANSTOD_URL=https://planstod.kommun.se/ npm run build:prod";
  if (!value) {
    throw new PublishError(
      `PLANSTOD_URL saknas: ange den https-adress där filerna i dist/ ska publiceras.\n${example}`,
    );
  }
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new PublishError(`PLANSTOD_URL är ingen giltig adress: ${value}\n${example}`);
  }
  if (url.protocol !== "https:") {
    throw new PublishError(
      `PLANSTOD_URL måste börja med https:// (Word läser bara in tillägg över HTTPS): ${value}\n${example}`,
    );
  }
  if (isLocalHost(url.hostname)) {
    throw new PublishError(
      `PLANSTOD_URL pekar på den egna datorn (${url.hostname}); ange serverns adress.\n` +
        `För utveckling: npm start och manifest.xml.\n${example}`,
    );
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new PublishError(`PLANSTOD_URL får inte ha användarnamn, lösenord, ? eller #: ${value}`);
  }
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

/** PLANSTOD_ID checked, or the fixed production Id. */
function publishId(raw) {
  const value = (raw ?? "").trim();
  if (!value) return PRODUCTION_ID;
  if (!GUID.test(value)) {
    throw new PublishError(
      `PLANSTOD_ID måste vara ett GUID, t.ex. ${PRODUCTION_ID}: ${value}\n` +
        'Skapa ett med: node -e "console.log(crypto.randomUUID())"',
    );
  }
  return value.toLowerCase();
}

/** The manifest's <Version>: the package version, which must be digits and dots only. */
function manifestVersion(version) {
  if (!/^(0|[1-9][0-9]{0,4})(\.(0|[1-9][0-9]{0,4})){2,3}$/.test(version)) {
    throw new PublishError(
      `package.json har versionen ${version}; manifestets <Version> tillåter bara siffror och punkter (t.ex. 1.2.0).`,
    );
  }
  return version;
}

/**
 * PLANSTOD_SUPPORT: where users get help, an e-mail address or an http(s) address; undefined when
 * not set. Returns { href, text }.
 */
function supportContact(raw) {
  const value = (raw ?? "").trim();
  if (!value) return undefined;
  if (/^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/.test(value)) {
    const address = value.replace(/^mailto:/i, "");
    return { href: `mailto:${address}`, text: address };
  }
  let url;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== "https:" && url.protocol !== "http:")) {
    throw new PublishError(
      `PLANSTOD_SUPPORT ska vara en e-postadress eller en webbadress (https://…): ${value}`,
    );
  }
  return { href: url.href, text: url.href };
}

/** Replaces exactly one occurrence of `from`; anything else means manifest.xml changed shape. */
function replaceOnce(text, from, to, what) {
  const count = text.split(from).length - 1;
  if (count !== 1) throw new Error(`manifest.xml: expected one ${what}, found ${count}`);
  return text.replace(from, () => to);
}

/**
 * The manifest to publish, made from the development manifest.xml: every dev-server URL on
 * `baseUrl`, its own Id, the package version, the name "Planstöd" and no AppDomains (the add-in
 * opens nothing outside its own origin, and an AppDomain equal to it has no effect).
 */
function productionManifest(devText, { baseUrl, id, version }) {
  let text = devText;
  text = text.replace(
    /<!--[\s\S]*?-->/,
    () =>
      `<!--\n  Planstöd ${version}: the add-in manifest to publish, made by npm run build:prod from manifest.xml.\n` +
      `  Every URL is on ${baseUrl}\n-->`,
  );
  text = replaceOnce(text, /<Id>[^<]*<\/Id>/.exec(text)?.[0] ?? "<Id>", `<Id>${id}</Id>`, "<Id>");
  text = replaceOnce(
    text,
    /<Version>[^<]*<\/Version>/.exec(text)?.[0] ?? "<Version>",
    `<Version>${manifestVersion(version)}</Version>`,
    "<Version>",
  );
  const displayName = /<DisplayName DefaultValue="[^"]*">[\s\S]*?<\/DisplayName>/.exec(text)?.[0];
  if (!displayName) throw new Error("manifest.xml: expected a <DisplayName> with overrides");
  text = text.replace(displayName, () =>
    displayName.replace(/(DefaultValue|Value)="[^"]*"/g, (_, attribute) => `${attribute}="Planstöd"`),
  );
  text = text.replace(/[ \t]*<AppDomains>[\s\S]*?<\/AppDomains>\r?\n/, "");
  text = text.split(DEV_URL).join(baseUrl);
  if (/localhost/i.test(text)) throw new Error("manifest.xml: a localhost address is left after rewriting");
  return text;
}

/** Every http(s) URL in the manifest's attribute values (not its namespaces), in order, without repeats. */
function manifestUrls(text) {
  const values = Array.from(text.matchAll(/\s(?!xmlns)[\w:]+="(https?:\/\/[^"]+)"/g), (match) => match[1]);
  return Array.from(new Set(values));
}

function escapeHtml(text) {
  return String(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/**
 * support.html and privacy.html with {{version}} and the contact filled in. {{contact-sv}} and
 * {{contact-da}} become a sentence with the link, or, when PLANSTOD_SUPPORT is not set, a sentence
 * sending the reader to their own organisation's IT support.
 */
function fillPage(content, { version, contact }) {
  const link = contact ? `<a href="${escapeHtml(contact.href)}">${escapeHtml(contact.text)}</a>` : "";
  const values = {
    version: escapeHtml(version),
    "contact-sv": contact
      ? `Frågor och fel: ${link}.`
      : "Frågor och fel: kontakta it-supporten i din organisation.",
    "contact-da": contact
      ? `Spørgsmål og fejl: ${link}.`
      : "Spørgsmål og fejl: kontakt it-supporten i din organisation.",
  };
  const filled = content.toString("utf8").replace(/\{\{([a-z-]+)\}\}/g, (token, name) => {
    if (!(name in values)) throw new Error(`unknown placeholder ${token}`);
    return values[name];
  });
  return filled;
}

const GUIDE_SOURCE = path.join(ROOT, "docs", "anvandarguide.md");
const GUIDE_PAGE = "anvandarguide.html";

/** The user guide as a page of its own, from docs/anvandarguide.md (marked, GitHub's Markdown). */
function guidePage(markdown, { marked, version }) {
  const body = marked.parse(markdown, { async: false, gfm: true });
  return `<!doctype html>
<html lang="sv">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Planstöd – användarguide</title>
    <link rel="icon" type="image/png" href="assets/icon-32.png" />
    <link rel="stylesheet" href="pages.css" />
  </head>
  <body>
    <main>
${body}
    <hr />
    <p>Planstöd ${escapeHtml(version)} · <a href="support.html">Hjälp och kontakt</a> · <a href="privacy.html">Integritet</a></p>
    </main>
  </body>
</html>
`;
}

/** Webpack plugin: emits anvandarguide.html from docs/anvandarguide.md (and rebuilds when it changes). */
class GuidePagePlugin {
  constructor({ marked, version }) {
    this.options = { marked, version };
  }

  apply(compiler) {
    const { sources, Compilation } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("GuidePagePlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "GuidePagePlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          compilation.fileDependencies.add(GUIDE_SOURCE);
          const markdown = fs.readFileSync(GUIDE_SOURCE, "utf8");
          compilation.emitAsset(GUIDE_PAGE, new sources.RawSource(guidePage(markdown, this.options)));
        },
      );
    });
  }
}

module.exports = {
  DEV_URL,
  PRODUCTION_ID,
  GUIDE_PAGE,
  PublishError,
  packageVersion,
  publishUrl,
  publishId,
  supportContact,
  productionManifest,
  manifestUrls,
  fillPage,
  GuidePagePlugin,
};
