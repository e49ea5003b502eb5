// What the task pane and the harness share in their webpack builds: TypeScript, Griffel's
// ahead-of-time styles and CSS extraction (production), and the lazy-chunk naming.
//
// Production builds move every style out of the JavaScript: @griffel/webpack-loader compiles our
// makeStyles() calls at build time (as Fluent UI ships its own), and the extraction plugin takes
// the CSS rules of both into one stylesheet that the page links. The pane then needs neither
// Griffel's style compiler (stylis, rtl-css-js) nor the CSS text in its scripts.
const { GriffelCSSExtractionPlugin } = require("@griffel/webpack-extraction-plugin");
const MiniCssExtractPlugin = require("mini-css-extract-plugin");

/** Module rules and plugins for a pane-like bundle. */
function paneBuild({ production }) {
  const typescript = {
    test: /\.tsx?$/,
    exclude: /node_modules/,
    use: {
      loader: "ts-loader",
      options: {
        // Type checking is done separately by `tsc --noEmit`.
        transpileOnly: true,
        // ES modules let webpack tree-shake Fluent UI; tsconfig.json targets CommonJS for Node.
        compilerOptions: { module: "esnext", sourceMap: !production },
      },
    },
  };
  if (!production) return { rules: [typescript], plugins: [] };
  return {
    rules: [
      // Loaders of matching rules run last to first: ts-loader, then Griffel's AOT, then extraction.
      // Fluent UI keeps its compiled styles in *.styles.js files; ours are in the .tsx files.
      {
        test: /[\\/]node_modules[\\/]@fluentui[\\/].*\.styles\.js$/,
        use: { loader: GriffelCSSExtractionPlugin.loader },
      },
      {
        test: /\.tsx$/,
        exclude: /node_modules/,
        use: { loader: GriffelCSSExtractionPlugin.loader },
      },
      {
        test: /\.tsx$/,
        exclude: /node_modules/,
        use: {
          loader: "@griffel/webpack-loader",
          options: {
            modules: [
              {
                moduleSource: "@fluentui/react-components",
                importName: "makeStyles",
                resetImportName: "makeResetStyles",
              },
            ],
          },
        },
      },
      typescript,
      { test: /\.css$/, use: [MiniCssExtractPlugin.loader, "css-loader"] },
    ],
    plugins: [new MiniCssExtractPlugin({ ignoreOrder: true }), new GriffelCSSExtractionPlugin()],
    optimization: {
      minimizeOptions: {
        // terser: the sources are ES2020 already (tsconfig.json), so may the output be.
        javascript: { ecma: 2020, compress: { passes: 2 } },
      },
    },
  };
}

module.exports = { paneBuild };
