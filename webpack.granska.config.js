// granska.html alone into dist/ (`npm run build:granska`): what the tests' pretest builds, without
// the task pane. The full build (webpack.config.js) emits the same files beside the pane.
const path = require("node:path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { paneBuild } = require("./webpack.pane");
const { granskaBuild } = require("./webpack.granska");

module.exports = (_env, argv = {}) => {
  const production = argv.mode !== "development";
  const pane = paneBuild({ production });
  const granska = granskaBuild({ production });
  return {
    mode: production ? "production" : "development",
    devtool: false,
    entry: granska.entry,
    output: { path: path.resolve(__dirname, "dist"), filename: "[name].js", clean: false },
    resolve: { extensions: [".ts", ".js"] },
    module: { rules: pane.rules },
    plugins: [
      ...granska.plugins,
      new CopyWebpackPlugin({ patterns: [{ from: "assets/icon-32.png", to: "assets/[name][ext]" }] }),
    ],
    optimization: pane.optimization,
    performance: { hints: false },
  };
};
