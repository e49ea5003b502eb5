import { useId, useState } from "react";
import { Button, Caption1, Link, makeStyles, tokens } from "@fluentui/react-components";
import pkg from "../../../package.json";
import { useText } from "../i18n";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", alignItems: "flex-end", minWidth: 0 },
  toggle: { minWidth: 0 },
  panel: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: tokens.spacingVerticalXS,
    marginTop: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    maxWidth: "100%",
    boxSizing: "border-box",
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    overflowWrap: "break-word",
  },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: "4px",
  },
});

/**
 * "Om Planstöd": a small menu at the top of the pane with the version, the user guide, the
 * support and privacy pages, and the self-test (a support tool that edits the document, so it is
 * out of the way rather than at the foot of every pane).
 */
export function AboutMenu({ onSelfTest }: { onSelfTest: (() => void) | null }) {
  const styles = useStyles();
  const text = useText();
  const t = text.about;
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div className={styles.root}>
      <Button
        size="small"
        appearance="subtle"
        className={styles.toggle}
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
      >
        {t.menu}
      </Button>
      {open && (
        <div className={styles.panel} id={id} data-testid="about">
          <Caption1>{t.version(pkg.version)}</Caption1>
          <ul className={styles.list}>
            <li>
              <Link href="anvandarguide.html" target="_blank" rel="noopener">
                {t.guide}
              </Link>
            </li>
            <li>
              <Link href="support.html" target="_blank" rel="noopener">
                {t.support}
              </Link>
            </li>
            <li>
              <Link href="privacy.html" target="_blank" rel="noopener">
                {t.privacy}
              </Link>
            </li>
            {onSelfTest && (
              <li>
                <Link as="button" onClick={onSelfTest}>
                  {text.selfTestLink}
                </Link>
              </li>
            )}
          </ul>
        </div>
      )}
    </div>
  );
}
