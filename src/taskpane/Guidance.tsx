import { makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  text: {
    margin: `0 0 ${tokens.spacingVerticalXS} 0`,
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  list: {
    margin: `0 0 ${tokens.spacingVerticalXS} 0`,
    paddingLeft: tokens.spacingHorizontalL,
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
});

/** A question ("Varför?") or a numbered point ("2. Vad vill ni förändra …") of the template's guidance. */
const isListItem = (line: string): boolean => /\?\)?$/.test(line.trim()) || /^\d+\.\s/.test(line.trim());

type Group = { kind: "text"; lines: string[] } | { kind: "list"; lines: string[] };

/** Consecutive questions form one list; every other line is a paragraph of its own. */
function groupLines(lines: readonly string[]): Group[] {
  const groups: Group[] = [];
  for (const line of lines) {
    const kind = isListItem(line) ? "list" : "text";
    const last = groups[groups.length - 1];
    if (kind === "list" && last?.kind === "list") last.lines.push(line);
    else groups.push({ kind, lines: [line] });
  }
  return groups;
}

/** The template's guidance text, as plain text: questions as a list. */
export function Guidance({ lines }: { lines: readonly string[] }) {
  const styles = useStyles();
  if (lines.length === 0) return null;
  return (
    <>
      {groupLines(lines).map((group, i) =>
        group.kind === "list" ? (
          <ul key={i} className={styles.list}>
            {group.lines.map((line, j) => (
              <li key={j}>{line}</li>
            ))}
          </ul>
        ) : (
          <p key={i} className={styles.text}>
            {group.lines[0]}
          </p>
        ),
      )}
    </>
  );
}
