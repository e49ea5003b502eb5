import { Accordion, AccordionHeader, AccordionItem, AccordionPanel } from "@fluentui/react-components";
import { Guidance } from "./Guidance";
import { useText } from "./i18n";

/** The template's questions for the plan as a whole (IKO), collapsed above the sections. */
export function PlanGuidance({ lines }: { lines: readonly string[] }) {
  const text = useText();
  if (lines.length === 0) return null;
  return (
    <Accordion collapsible>
      <AccordionItem value="plan-guidance">
        <AccordionHeader as="h3" size="small">
          {text.templateQuestions}
        </AccordionHeader>
        <AccordionPanel>
          <Guidance lines={lines} />
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
