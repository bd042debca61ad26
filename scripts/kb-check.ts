/**
 * `npm run kb:check [-- --data DIR]`: validates the knowledge base for curators.
 * Prints every problem as "ERROR file:line: what" or "warning file:line: what", then a coverage report per topic.
 * Exits 1 when there is an error (CI runs it), 0 otherwise (warnings do not fail).
 */
import { resolve } from 'node:path';
import { checkKnowledge } from '../src/knowledge/check-knowledge.js';

const args = process.argv.slice(2);
const dataIndex = args.indexOf('--data');
const dataDir = resolve(dataIndex >= 0 && args[dataIndex + 1] ? args[dataIndex + 1]! : 'data');
const report = checkKnowledge(dataDir);
process.stdout.write(`${report.text}\n`);
process.exitCode = report.errors > 0 ? 1 : 0;
