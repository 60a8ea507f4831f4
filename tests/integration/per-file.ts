import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll } from 'vitest';
import { stopLocal } from './table.js';

// Runs in every test file.

// Property tests run from a fixed, recorded seed unless they name their own: a red run is then
// reproducible and always means a defect, never an unlucky draw. Open-ended random fuzzing is
// `npm run fuzz`.
fc.configureGlobal({ seed: 20261206 });

// Temporary files (the CLI's working folders, CDK's cdk.out… folders, import files) go to a folder
// of this file's own, removed after its last test.
const scratch = mkdtempSync(join(tmpdir(), 'sb-test-'));
process.env.TMPDIR = scratch;
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// Stops the file's DynamoDB Local, if the file started one (registered last, so it runs first).
afterAll(stopLocal);
