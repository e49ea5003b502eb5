import { Link, makeStyles, tokens } from "@fluentui/react-components";
import { useText } from "../i18n";

const useStyles = makeStyles({
  root: { marginTop: tokens.spacingVerticalXL, fontSize: tokens.fontSizeBase200 },
});

/** The small link at the foot of the pane that opens the self-test. */
export function DiagnosticsLink({ onOpen }: { onOpen: () => void }) {
  const styles = useStyles();
  const text = useText();
  return (
    <footer className={styles.root}>
      <Link as="button" onClick={onOpen}>
        {text.selfTestLink}
      </Link>
    </footer>
  );
}
