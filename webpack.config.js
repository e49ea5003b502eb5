// Webpack configuration for the Planstöd task pane (Word add-in).
//
//   npx webpack --mode production    -> dist/ (the pane, its pages and assets, the development manifest.xml)
//   npx webpack serve --mode development   (or `npm start`) -> https://localhost:3000/
//   npm run build:prod (scripts/build-prod.mjs, --env publish=DIR) -> DIR: exactly the files to publish,
//     with the production manifest made for PLANSTOD_URL (see scripts/publish.cjs)
//
// office.js is not bundled: taskpane.html loads it from Microsoft's CDN.
// PLANSTOD_DEV_HTTP=1 makes the dev server skip certificates and serve HTTP.
const path = require("node:path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { paneBuild } = require("./webpack.pane");
const publish = require("./scripts/publish.cjs");
const { granskaBuild } = require("./webpack.granska");

const DEV_PORT = 3000;

/** What `npm run build:prod` publishes for: the folder, the base URL and the Id. */
function publishSettings(dir) {
  return {
    dir: path.resolve(dir),
    baseUrl: publish.publishUrl(process.env.PLANSTOD_URL),
    id: publish.publishId(process.env.PLANSTOD_ID),
  };
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
  const target = env.publish ? publishSettings(env.publish) : undefined;
  const version = publish.packageVersion();
  const contact = publish.supportContact(process.env.PLANSTOD_SUPPORT);
  // marked is ES modules only; the config is CommonJS.
  const { marked } = await import("marked");

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
      path: target ? target.dir : path.resolve(__dirname, "dist"),
      filename: "[name].js",
      // Keep the CLI (dist/node/planstod.js, bundled by esbuild first in `npm run build`); a folder
      // to publish holds the published files only.
      clean: target ? true : { keep: /^node\// },
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
          ...["support.html", "privacy.html"].map((page) => ({
            from: `src/taskpane/${page}`,
            to: page,
            transform: (content) => publish.fillPage(content, { version, contact }),
          })),
          { from: "src/taskpane/pages.css", to: "pages.css" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: target
              ? (content) => publish.productionManifest(content.toString("utf8"), { ...target, version })
              : undefined,
          },
        ],
      }),
      new publish.GuidePagePlugin({ marked, version }),
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
