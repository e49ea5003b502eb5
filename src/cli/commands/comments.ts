import { EXIT, type Io } from "../context";
import type { WriteOptions } from "../output";

export interface CommentsOptions extends WriteOptions {
  comments?: boolean;
}

export async function commentsCommand(_paths: string[], _options: CommentsOptions, io: Io): Promise<number> {
  io.err("planstod: --comments är inte klart ännu.");
  return EXIT.problem;
}
