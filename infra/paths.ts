import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: package.json, package-lock.json, functions/ and shared/ live here. */
export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');

/** The handler file of a function named as in the route table (`get-demand` → functions/get-demand.ts). */
export const functionEntry = (name: string): string => join(PROJECT_ROOT, 'functions', `${name}.ts`);
