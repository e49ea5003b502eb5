import { Link, makeStyles, tokens } from "@fluentui/react-components";
import { DIAGNOSTICS_TEXT } from "./DiagnosticsView";

const useStyles = makeStyles({
  root: { marginTop: tokens.spacingVerticalXL, fontSize: tokens.fontSizeBase200 },
});

/** The small link at the foot of the pane that opens the self-test. */
export function DiagnosticsLink({ onOpen }: { onOpen: () => void }) {
  const styles = useStyles();
  return (
    <footer className={styles.root}>
      <Link as="button" onClick={onOpen}>
        {DIAGNOSTICS_TEXT.link}
      </Link>
    </footer>
  );
}
