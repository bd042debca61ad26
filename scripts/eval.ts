/**
 * `npm run -s eval -- <file.jsonl> [--json] [--engine full|baseline]`
 *
 * Sends each line's message as the first message of a brand-new citizen to the assistant (through the first-reply
 * probe), scores the replies per /work/shared/kb/README.md and prints the report; the last line is one JSON
 * object. Exit status 0 whenever the evaluation ran, 2 when it could not (bad arguments, file or label).
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createFirstReplyProbe } from '../src/app/first-reply-probe.js';
import { loadTaxonomy } from '../src/knowledge/load-taxonomy.js';
import {
  EvalFileError,
  type EvalResult,
  formatReport,
  OUT_OF_SCOPE,
  parseEvalFile,
  scoreReply,
  summarize,
} from '../src/search/evaluation.js';

const USAGE = 'usage: npm run -s eval -- <file.jsonl> [--json] [--engine full|baseline]';

interface Args {
  file: string;
  json: boolean;
  engine: 'full' | 'baseline';
}

function parseArgs(argv: string[]): Args {
  let file: string | undefined;
  let json = false;
  let engine: Args['engine'] = 'full';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--json') json = true;
    else if (arg === '--engine' || arg.startsWith('--engine=')) {
      const value = arg.includes('=') ? arg.split('=')[1] : argv[++i];
      if (value !== 'full' && value !== 'baseline')
        throw new EvalFileError(`--engine must be full or baseline\n${USAGE}`);
      engine = value;
    } else if (arg.startsWith('-')) throw new EvalFileError(`unknown option ${arg}\n${USAGE}`);
    else if (file === undefined) file = arg;
    else throw new EvalFileError(`one file only\n${USAGE}`);
  }
  if (file === undefined) throw new EvalFileError(USAGE);
  return { file, json, engine };
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const dataDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'data');
  let text: string;
  try {
    text = readFileSync(resolve(args.file), 'utf8');
  } catch (error) {
    throw new EvalFileError(`cannot read ${args.file}: ${(error as Error).message}`);
  }
  const labels = new Set([...loadTaxonomy(dataDir).topics.map((t) => t.slug), OUT_OF_SCOPE]);
  const cases = parseEvalFile(text, labels);

  const probe = await createFirstReplyProbe({ dataDir, engine: args.engine });
  const results: EvalResult[] = [];
  try {
    for (const c of cases) {
      const started = performance.now();
      const reply = await probe.ask(c.q);
      const ms = performance.now() - started;
      results.push({ case: c, reply, verdict: scoreReply(c.topic, reply), ms });
    }
  } finally {
    await probe.close();
  }
  const summary = summarize(results);
  console.log(args.json ? JSON.stringify(summary) : formatReport(results, summary));
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof EvalFileError ? `eval: ${error.message}` : error);
    process.exitCode = 2;
  },
);
