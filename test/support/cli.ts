import { run, type Io } from "../../src/cli/main";

export interface Captured {
  code: number;
  out: string;
  err: string;
}

/** Runs the command line in this process, capturing what it writes. */
export async function cli(...args: string[]): Promise<Captured> {
  let out = "";
  let err = "";
  const io: Io = { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) };
  const code = await run(args, io);
  return { code, out, err };
}
