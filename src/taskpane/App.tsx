import { useState } from "react";
import {
  Body1,
  MessageBar,
  MessageBarBody,
  Title2,
  makeStyles,
  tokens,
  type MessageBarIntent,
} from "@fluentui/react-components";
import { getOfficeEnvironment, type OfficeEnvironment } from "./office-env";

export const TEXT = {
  title: "Planstöd",
  intro:
    "Öppna Skolverkets åtgärdsplan eller IKO:s handlingsplan i Word så hjälper Planstöd dig att fylla i och granska den.",
  unsupported:
    "Den här versionen av Word saknar stöd för Planstöd (WordApi 1.3 krävs). Använd Word för webben eller en nyare version av Word.",
  outsideWord:
    "Sidan är öppnad utanför Word, så den kan inte läsa något dokument. Lägg till Planstöd i Word och öppna det från fliken Start.",
} as const;

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
  },
  header: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalM,
  },
  logo: {
    width: "32px",
    height: "32px",
    flexShrink: 0,
  },
  title: {
    margin: 0,
  },
});

function Notice({ intent, children }: { intent: MessageBarIntent; children: string }) {
  // data-intent lets tests and tooling tell the notices apart; Fluent renders the intent only as styling.
  return (
    <MessageBar intent={intent} layout="multiline" data-intent={intent}>
      <MessageBarBody>{children}</MessageBarBody>
    </MessageBar>
  );
}

export interface AppProps {
  /** Defaults to reading the Office globals once, at first render. */
  environment?: OfficeEnvironment;
}

export function App({ environment }: AppProps) {
  const styles = useStyles();
  const [env] = useState<OfficeEnvironment>(() => environment ?? getOfficeEnvironment());

  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <img className={styles.logo} src="assets/icon-64.png" alt="" />
        <Title2 as="h1" className={styles.title}>
          {TEXT.title}
        </Title2>
      </header>
      {env.inWord && !env.wordApiSupported && <Notice intent="warning">{TEXT.unsupported}</Notice>}
      {!env.inWord && <Notice intent="info">{TEXT.outsideWord}</Notice>}
      <Body1 as="p">{TEXT.intro}</Body1>
    </main>
  );
}
