/**
 * Test-only helpers: which interpreters can run snippets here, how to run many
 * snippets in ONE process per runtime (a batch), and how to read the status
 * and body each runnable target prints. Node-only (never imported by the site).
 *
 * A batch writes every snippet to a file of its own in a scratch directory,
 * plus one driver (a shell script, a node / python / php / ruby driver, or a
 * Java runner compiled in one javac call) that runs them in order, printing
 * `BATCH_MARKER(i)` before the i-th. Snippets are not changed, except that the
 * Java ones are renamed `Main<i>` so they compile together.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TargetId } from './index';

function works(file: string, args: string[]): boolean {
  try {
    execFileSync(file, args, { stdio: 'ignore', timeout: 20_000 });
    return true;
  } catch {
    return false;
  }
}

/** A Python 3 that can `import requests`: $PYTHON, Debian's /usr/bin/python3, or python3 on PATH. */
export function pythonWithRequests(): string | undefined {
  const candidates = [process.env.PYTHON, '/usr/bin/python3', 'python3'].filter((c): c is string => Boolean(c));
  return candidates.find((bin) => works(bin, ['-c', 'import requests']));
}

export const hasCurl = (): boolean => works('sh', ['-c', 'command -v curl']);

/** The line printed before the i-th snippet of a batch. */
export const BATCH_MARKER = (i: number): string => `=== snippet ${i} ===\n`;

/** A runtime that can run a batch: the target it runs and how. */
export type BatchRuntime =
  | 'curl under sh'
  | 'curl under bash'
  | 'curl under interactive bash'
  | 'curl under zsh'
  | 'javascript'
  | 'node'
  | 'python'
  | 'java'
  | 'php'
  | 'ruby';

export const BATCH_TARGET: Record<BatchRuntime, TargetId> = {
  'curl under sh': 'curl',
  'curl under bash': 'curl',
  'curl under interactive bash': 'curl',
  'curl under zsh': 'curl',
  javascript: 'javascript',
  node: 'node',
  python: 'python',
  java: 'java',
  php: 'php',
  ruby: 'ruby',
};

/** Whether `runtime` can run here, or why not. */
export function batchRuntimeMissing(runtime: BatchRuntime): string | undefined {
  switch (runtime) {
    case 'curl under sh':
      return hasCurl() ? undefined : 'curl is not installed';
    case 'curl under bash':
    case 'curl under interactive bash':
      return hasCurl() && works('bash', ['-c', ':']) ? undefined : 'curl or bash is not installed';
    case 'curl under zsh':
      return hasCurl() && works('zsh', ['-c', ':']) ? undefined : 'curl or zsh is not installed';
    case 'javascript':
    case 'node':
      return undefined;
    case 'python':
      return pythonWithRequests() ? undefined : 'python3 with the requests package is not available (`import requests` failed)';
    case 'java':
      return works('javac', ['-version']) && works('java', ['-version']) ? undefined : 'a JDK (javac and java 17+) is not installed';
    case 'php':
      return works('php', ['-r', 'exit(function_exists("curl_init") ? 0 : 1);']) ? undefined : 'php with ext-curl is not installed';
    case 'ruby':
      return works('ruby', ['-e', "require 'net/http'"]) ? undefined : 'ruby is not installed';
  }
}

/** Writes each snippet to `dir/<prefix><i><ext>` and returns the paths. */
function writeAll(snippets: string[], dir: string, name: (i: number) => string, transform = (s: string, _i: number) => s): string[] {
  return snippets.map((snippet, i) => {
    const file = join(dir, name(i));
    writeFileSync(file, transform(snippet, i));
    return file;
  });
}

/**
 * Writes a batch running every snippet in order into `dir` and returns the
 * command that runs it (file + args); a failing snippet is reported on stderr
 * and the batch goes on.
 */
export function writeBatch(runtime: BatchRuntime, snippets: string[], dir: string): [file: string, args: string[]] {
  switch (runtime) {
    case 'curl under sh':
    case 'curl under bash':
    case 'curl under interactive bash':
    case 'curl under zsh': {
      const script = join(dir, 'batch.sh');
      // printf '%s' writes the marker with no escape processing.
      writeFileSync(script, snippets.map((snippet, i) => `printf '%s\\n' '${BATCH_MARKER(i).trim()}'\n${snippet}\n`).join(''));
      if (runtime === 'curl under sh') return ['sh', [script]];
      if (runtime === 'curl under bash') return ['bash', [script]];
      if (runtime === 'curl under zsh') return ['zsh', ['-f', script]];
      // The script as typed input of an interactive bash, as a paste is: history expansion of `!` is on.
      return ['sh', ['-c', `HISTFILE=/dev/null exec bash --norc --noprofile -i < '${script}'`]];
    }
    case 'javascript':
    case 'node': {
      const files = writeAll(snippets, dir, (i) => `s${i}.mjs`).map((file) => pathToFileURL(file).href);
      const driver = join(dir, 'run.mjs');
      writeFileSync(
        driver,
        `const files = ${JSON.stringify(files)};\nfor (const [i, file] of files.entries()) {\n  process.stdout.write(\`=== snippet \${i} ===\\n\`);\n  try {\n    await import(file);\n  } catch (error) {\n    console.error(file, error);\n  }\n}\n`,
      );
      return [process.execPath, [driver]];
    }
    case 'python': {
      const files = writeAll(snippets, dir, (i) => `s${i}.py`);
      const driver = join(dir, 'run.py');
      writeFileSync(
        driver,
        [
          'import sys, traceback',
          `for i, name in enumerate(${JSON.stringify(files)}):`,
          "    sys.stdout.write('=== snippet %d ===\\n' % i)",
          '    sys.stdout.flush()',
          '    try:',
          '        with open(name, encoding="utf-8") as f:',
          '            exec(compile(f.read(), name, "exec"), {"__name__": "__main__"})',
          '    except BaseException:',
          '        traceback.print_exc()',
          '    sys.stdout.flush()',
          '',
        ].join('\n'),
      );
      return [pythonWithRequests() ?? 'python3', [driver]];
    }
    case 'java': {
      // Each snippet is `public class Main`; compiled together they become Main0, Main1, …
      const sources = writeAll(snippets, dir, (i) => `Main${i}.java`, (snippet, i) => snippet.replace(/^public class Main \{$/m, `public class Main${i} {`));
      const runner = join(dir, 'Runner.java');
      writeFileSync(
        runner,
        [
          'public class Runner {',
          '    public static void main(String[] args) {',
          `        for (int i = 0; i < ${snippets.length}; i++) {`,
          '            System.out.print("=== snippet " + i + " ===\\n");',
          '            try {',
          '                Class.forName("Main" + i).getMethod("main", String[].class).invoke(null, (Object) new String[0]);',
          '            } catch (Throwable error) {',
          '                System.err.println("snippet " + i + ": " + error + " " + error.getCause());',
          '            }',
          '        }',
          '    }',
          '}',
          '',
        ].join('\n'),
      );
      const quote = (path: string) => `'${path}'`;
      const out = join(dir, 'classes');
      const compile = `javac -encoding UTF-8 -d ${quote(out)} ${[runner, ...sources].map(quote).join(' ')}`;
      return ['sh', ['-c', `${compile} && java -Dfile.encoding=UTF-8 -cp ${quote(out)} Runner`]];
    }
    case 'php': {
      const files = writeAll(snippets, dir, (i) => `s${i}.php`);
      const driver = join(dir, 'run.php');
      // Each snippet is included in a function of its own, so no variable leaks into the next.
      writeFileSync(
        driver,
        `<?php\nfunction run_snippet($file) { include $file; }\nforeach (${JSON.stringify(files)} as $i => $file) {\n    echo "=== snippet $i ===\\n";\n    try { run_snippet($file); } catch (Throwable $e) { fwrite(STDERR, "$file: $e\\n"); }\n}\n`,
      );
      return ['php', [driver]];
    }
    case 'ruby': {
      const files = writeAll(snippets, dir, (i) => `s${i}.rb`);
      const driver = join(dir, 'run.rb');
      // load(file, true) runs each snippet in an anonymous module of its own.
      writeFileSync(
        driver,
        `$stdout.sync = true\n${JSON.stringify(files)}.each_with_index do |file, i|\n  print "=== snippet #{i} ===\\n"\n  begin\n    load(file, true)\n  rescue Exception => e\n    warn "#{file}: #{e.full_message}"\n  end\nend\n`,
      );
      return ['ruby', [driver]];
    }
  }
}

/** The output of each snippet of a batch (in order; meaningful for runtimes that run one snippet at a time). */
export function splitBatchOutput(stdout: string, count: number): string[] {
  const outputs: string[] = [];
  for (let i = 0; i < count; i++) {
    const start = stdout.indexOf(BATCH_MARKER(i));
    const end = i + 1 < count ? stdout.indexOf(BATCH_MARKER(i + 1)) : stdout.length;
    outputs.push(start === -1 || end === -1 ? '' : stdout.slice(start + BATCH_MARKER(i).length, end));
  }
  return outputs;
}

/** Splits what a snippet printed into the HTTP status and the response body. */
export function parseOutput(target: TargetId, output: string): { status: number; body: string } {
  if (target === 'curl') {
    // body, then "\n<status>\n" from --write-out
    const match = /\n(\d{3})\n?$/.exec(output);
    if (!match) throw new Error(`cURL output has no status line: ${output.slice(-200)}`);
    return { status: Number(match[1]), body: output.slice(0, match.index) };
  }
  if (target === 'python') {
    const newline = output.indexOf('\n');
    return { status: Number(output.slice(0, newline)), body: output.slice(newline + 1).replace(/\n$/, '') };
  }
  // javascript / node: console.log(status, body)
  const match = /^(\d{3}) ?/.exec(output);
  if (!match) throw new Error(`${target} output has no status: ${output.slice(0, 200)}`);
  return { status: Number(match[1]), body: output.slice(match[0].length).replace(/\n$/, '') };
}
