/**
 * Fresh w:id values for content controls: signed 32-bit numbers from xorshift32, so the same
 * input always gives the same ids (golden files, repeatable edits), none of them already used.
 */
export class IdSequence {
  private state: number;
  private readonly used: Set<string>;

  constructor(seed: number, used: Iterable<string> = []) {
    this.state = seed >>> 0 || 1;
    this.used = new Set(used);
  }

  /** A sequence seeded by a text (FNV-1a), for a document written from nothing. */
  static fromText(seed: string): IdSequence {
    let h = 2166136261;
    for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619);
    return new IdSequence(h);
  }

  next(): string {
    for (;;) {
      this.state ^= this.state << 13;
      this.state >>>= 0;
      this.state ^= this.state >>> 17;
      this.state ^= this.state << 5;
      this.state >>>= 0;
      // xorshift32 never reaches 0 from a state that is not 0.
      const id = String(this.state | 0);
      if (!this.used.has(id)) {
        this.used.add(id);
        return id;
      }
    }
  }
}
