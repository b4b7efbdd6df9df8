/** Tiny argv parser: `--flag`, `--key value`, `--key=value`, positionals. */
export interface ParsedArgs {
  flags: Map<string, string | true>;
  positionals: string[];
}

export function parseArgs(argv: readonly string[], valueOptions: readonly string[]): ParsedArgs {
  const flags = new Map<string, string | true>();
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
      if (eq >= 0) flags.set(name, a.slice(eq + 1));
      else if (valueOptions.includes(name)) {
        const v = argv[i + 1];
        if (v === undefined) throw new UsageError(`--${name} needs a value`);
        flags.set(name, v);
        i++;
      } else flags.set(name, true);
    } else positionals.push(a);
  }
  return { flags, positionals };
}

export class UsageError extends Error {}

export function stringFlag(args: ParsedArgs, name: string): string | undefined {
  const v = args.flags.get(name);
  if (v === true) throw new UsageError(`--${name} needs a value`);
  return v;
}

export function checkKnown(args: ParsedArgs, known: readonly string[]): void {
  for (const k of args.flags.keys()) if (!known.includes(k)) throw new UsageError(`unknown option --${k}`);
}

export function listFlag(args: ParsedArgs, ...names: string[]): string[] | undefined {
  for (const n of names) {
    const v = stringFlag(args, n);
    if (v !== undefined) return v.split(',').map((s) => s.trim()).filter(Boolean);
  }
  return undefined;
}
