import { useState } from "react";
import { Disclosure } from "./controls/Disclosure";
import { Guidance } from "./Guidance";
import { useText } from "./i18n";

/** The template's questions for the plan as a whole (IKO), collapsed above the sections. */
export function PlanGuidance({ lines }: { lines: readonly string[] }) {
  const text = useText();
  const [open, setOpen] = useState(false);
  if (lines.length === 0) return null;
  return (
    <Disclosure open={open} onToggle={() => setOpen(!open)} size="small" header={text.templateQuestions}>
      <Guidance lines={lines} />
    </Disclosure>
  );
}
