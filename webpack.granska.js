// granska.html (src/granska/): the page that reviews many plans in the browser, built beside the
// task pane into dist/ by webpack.config.js, and alone by webpack.granska.config.js (`npm run
// build:granska`, which the tests' pretest runs). Two scripts: the page, and the worker that
// checks documents with the command line's engine (JSZip and @xmldom/xmldom: a worker has no
// DOMParser). The stylesheet is a plain file: the page's CSP allows styles from 'self' only.
const path = require("node:path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

function granskaBuild({ production }) {
  return {
    entry: {
      granska: "./src/granska/index.ts",
      "granska-worker": "./src/granska/worker.ts",
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "granska.html",
        template: "./src/granska/granska.html",
        chunks: ["granska"],
        // Development builds use eval source maps, which the page's CSP must then allow.
        devEval: !production,
      }),
      new CopyWebpackPlugin({
        patterns: [{ from: path.join(__dirname, "src/granska/granska.css"), to: "granska.css" }],
      }),
    ],
  };
}

module.exports = { granskaBuild };
