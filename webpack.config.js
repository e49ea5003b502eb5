// Webpack configuration for the Planstöd task pane (Word add-in).
//
//   npx webpack --mode production    -> dist/ (taskpane.html, taskpane.js, assets/, manifest.xml)
//   npx webpack serve --mode development   (or `npm start`) -> https://localhost:3000/
//
// office.js is not bundled: taskpane.html loads it from Microsoft's CDN.
// PLANSTOD_URL=https://example.org/planstod/ rewrites https://localhost:3000/ in the copied manifest
// for production builds. PLANSTOD_DEV_HTTP=1 makes the dev server skip certificates and serve HTTP.
const path = require("node:path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { paneBuild } = require("./webpack.pane");
const { granskaBuild } = require("./webpack.granska");

const DEV_ORIGIN = "https://localhost:3000";
const DEV_URL = `${DEV_ORIGIN}/`;
const DEV_PORT = 3000;

/** PLANSTOD_URL normalised to end with "/", or undefined when not set. */
function productionUrl() {
  const raw = (process.env.PLANSTOD_URL || "").trim();
  if (!raw) return undefined;
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`PLANSTOD_URL is not a valid URL: ${raw}`);
  }
  if (url.protocol !== "https:") {
    throw new Error(`PLANSTOD_URL must use https (Office only loads add-ins over HTTPS): ${raw}`);
  }
  const href = url.href.replace(/[?#].*$/, "");
  return href.endsWith("/") ? href : `${href}/`;
}

/** Replaces the dev-server URLs in the manifest with the production base URL. */
function rewriteManifest(content, baseUrl) {
  const origin = new URL(baseUrl).origin;
  return content.toString("utf8").split(DEV_URL).join(baseUrl).split(DEV_ORIGIN).join(origin);
}

function warnHttp(reason) {
  const line = "=".repeat(78);
  console.warn(
    [
      "",
      line,
      "WARNING: the Planstöd dev server runs over plain HTTP (http://localhost:3000/).",
      reason,
      "Word only loads add-ins over HTTPS, so sideloading manifest.xml will not work until",
      "the development certificates are installed: npx office-addin-dev-certs install",
      line,
      "",
    ].join("\n"),
  );
}

/** webpack-dev-server `server` option: HTTPS with the Office dev certificates, else HTTP. */
async function devServerTransport() {
  if (process.env.PLANSTOD_DEV_HTTP === "1") {
    warnHttp("PLANSTOD_DEV_HTTP=1 is set.");
    return "http";
  }
  try {
    const devCerts = require("office-addin-dev-certs");
    const { ca, cert, key } = await devCerts.getHttpsServerOptions();
    return { type: "https", options: { ca, cert, key } };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    warnHttp(`Could not obtain development certificates: ${message.split("\n")[0]}`);
    return "http";
  }
}

module.exports = async (env = {}, argv = {}) => {
  const production = argv.mode === "production";
  const serving = Boolean(env.WEBPACK_SERVE);
  const baseUrl = production ? productionUrl() : undefined;
  if (production && !baseUrl && !serving) {
    console.log(`Note: PLANSTOD_URL is not set, so dist/manifest.xml keeps pointing at ${DEV_URL}`);
  }

  const pane = paneBuild({ production });
  const granska = granskaBuild({ production });
  return {
    mode: production ? "production" : "development",
    devtool: process.env.PLANSTOD_SOURCE_MAP ? "source-map" : production ? false : "eval-source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      // granska.html, published with the pane (webpack.granska.js).
      ...granska.entry,
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      // Keep the CLI (dist/node/planstod.js, bundled by esbuild first in `npm run build`).
      clean: { keep: /^node\// },
    },
    resolve: {
      extensions: [".tsx", ".ts", ".js"],
    },
    module: { rules: pane.rules },
    plugins: [
      ...pane.plugins,
      ...granska.plugins,
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*", to: "assets/[name][ext]" },
          { from: "src/taskpane/support.html", to: "support.html" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: baseUrl ? (content) => rewriteManifest(content, baseUrl) : undefined,
          },
        ],
      }),
    ],
    optimization: pane.optimization,
    performance: {
      // Fluent UI v9 is the bulk; the engine (xmldom, templates, rules) adds ~100 KiB; JSZip stays out
      // (the pane reads flat OPC). Warn only if it grows well beyond today's ~615 KiB.
      maxAssetSize: 700 * 1024,
      maxEntrypointSize: 700 * 1024,
    },
    devServer: serving
      ? {
          port: DEV_PORT,
          server: await devServerTransport(),
          headers: { "Access-Control-Allow-Origin": "*" },
          static: false,
          client: { overlay: { warnings: false, errors: true } },
        }
      : undefined,
  };
};
