import { makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  text: {
    margin: `0 0 ${tokens.spacingVerticalXS} 0`,
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
});

/**
 * The template's guidance, shown one way wherever it comes from (a section's text, a table's
 * second row, a field's question): each line of the template a paragraph of its own, in the
 * template's words. Where the template gives none, nothing is shown.
 */
export function Guidance({ lines }: { lines: readonly string[] }) {
  const styles = useStyles();
  if (lines.length === 0) return null;
  return (
    <div data-guidance="">
      {lines.map((line, i) => (
        <p key={i} className={styles.text}>
          {line}
        </p>
      ))}
    </div>
  );
}
