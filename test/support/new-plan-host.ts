/**
 * FakeHost (test/pane-host.ts) with "Skapa en ny plan": over the same real engine, an empty
 * document reads as empty, and createPlan replaces it by the generator's bytes of the chosen
 * template, refusing (as the Word adapter does) when the document holds anything.
 */
import { generatedTemplate } from "../../src/core/templates";
import { readParts } from "../../src/ooxml/read/recognise";
import "../../src/ooxml/docx";
import { isEmptyBody } from "../../src/ooxml/read/empty-body";
import { generateDocx } from "../../src/ooxml/generate";
import { DocxPackage } from "../../src/ooxml/package/docx-package";
import { HostProblemError, type HostCapabilities, type Snapshot } from "../../src/taskpane/host";
import { FakeHost, fixture } from "./pane-host";

export class NewPlanHost extends FakeHost {
  canCreatePlan: boolean;
  readonly created: string[] = [];

  constructor(bytes: Uint8Array, capabilities: Partial<HostCapabilities> = {}, canCreate = true) {
    super(bytes, capabilities);
    this.canCreatePlan = canCreate;
  }

  static empty(canCreate = true): NewPlanHost {
    return new NewPlanHost(fixture("bad/empty-document.docx"), {}, canCreate);
  }

  private async isEmpty(): Promise<boolean> {
    try {
      // The whole model, as Word hands the adapter the body (the CLI's quick look refuses an empty
      // document as no known template before building one).
      return isEmptyBody((await readParts(await DocxPackage.open(this.bytes))).body);
    } catch {
      return false;
    }
  }

  override async read(): Promise<Snapshot> {
    const snapshot = await super.read();
    return !snapshot.template && (await this.isEmpty()) ? { ...snapshot, empty: true } : snapshot;
  }

  async createPlan(templateId: string): Promise<Snapshot> {
    const generated = generatedTemplate(templateId);
    if (!generated) throw new HostProblemError({ code: "create-unknown-template" });
    if (!(await this.isEmpty()))
      throw new HostProblemError({
        code: "create-not-empty",
        language: generated.template.language === "da" ? "da" : "sv",
      });
    const bytes = await generateDocx(generated);
    const copy = new Uint8Array(bytes.byteLength);
    copy.set(bytes);
    this.bytes = copy;
    this.created.push(templateId);
    return this.read();
  }
}
