/** Builds the harness (harness/): the task pane against the Word API double, into dist-harness/. */
const fs = require("fs");
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { paneBuild } = require("./webpack.pane");

module.exports = (_env, argv) => {
  // Built as the pane is (styles compiled and extracted in production), so the harness shows it.
  const pane = paneBuild({ production: argv.mode === "production" });
  return {
    mode: argv.mode ?? "development",
    devtool: argv.mode === "production" ? false : "eval-source-map",
    entry: { harness: "./harness/harness.tsx" },
    output: { path: path.resolve(__dirname, "dist-harness"), filename: "[name].js", clean: true },
    resolve: { extensions: [".tsx", ".ts", ".js"] },
    module: { rules: pane.rules },
    plugins: [
      ...pane.plugins,
      new HtmlWebpackPlugin({
        filename: "index.html",
        template: "./harness/harness.html",
        chunks: ["harness"],
      }),
      // taskpane.html without the bundle and without office.js (the CDN is not reachable in tests):
      // test/e2e.test.ts opens it as IE11 and as a current browser to check its ES5 guard.
      new HtmlWebpackPlugin({
        filename: "taskpane-guard.html",
        chunks: [],
        templateContent: () =>
          fs
            .readFileSync(path.join(__dirname, "src/taskpane/taskpane.html"), "utf8")
            .replace(/<script src="[^"]*"><\/script>/g, ""),
      }),
      new CopyWebpackPlugin({ patterns: [{ from: "assets", to: "assets" }] }),
    ],
    optimization: pane.optimization,
    performance: { hints: false },
  };
};
