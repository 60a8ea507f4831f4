#!/usr/bin/env node
// The CLI is TypeScript run through tsx, so that it shares the exact modules the Lambdas use.
import { register } from 'tsx/esm/api';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
register();
await import('../cli/run.ts');
