import { join } from 'node:path';
import { AssetHashType, DockerImage, type ILocalBundling } from 'aws-cdk-lib';
import { Code } from 'aws-cdk-lib/aws-lambda';
import { buildSync, type BuildOptions } from 'esbuild';

/**
 * How every SkillBridge function is bundled. `ServiceFunction` and the bundle benchmark
 * (tests/bench/bundles.ts) both call {@link esbuildOptions}, so the benchmark measures exactly what
 * is deployed.
 */

/** esbuild target matching the Lambda runtime (`Runtime.NODEJS_22_X`). */
export const BUNDLE_TARGET = 'node22';

/**
 * ESM output has no `require`, yet bundled CommonJS dependencies call it for Node built-ins. The
 * alias keeps the import from clashing with any name in the bundle.
 */
export const ESM_REQUIRE_BANNER = "import{createRequire as __sbCreateRequire}from'node:module';const require=__sbCreateRequire(import.meta.url);";

/** Left out of the bundle when the SDK is not bundled: the Lambda runtime's copy is used instead. */
export const AWS_SDK_EXTERNALS: readonly string[] = ['@aws-sdk/*', '@smithy/*'];

/**
 * Whether functions bundle the AWS SDK by default, chosen by the numbers of tests/bench/bundles.ts
 * (see BENCHMARKS.md). Bundled, a function loads one minified file holding only the SDK code it
 * uses; external, it loads the runtime's CommonJS builds, each package whole (every command of the
 * client). Bundled starts faster (about a third less CPU at import in the last run) though its file
 * is larger (the SDK is 330–470 KB of it), and it runs the SDK version the tests ran rather than
 * whatever the runtime ships.
 */
export const DEFAULT_BUNDLE_AWS_SDK = true;

/** The file Lambda loads: `index.handler` names its `handler` export. */
export const BUNDLE_FILE = 'index.mjs';

/** What varies between bundles of the same entry. */
export interface BundleSettings {
  /** Bundle `@aws-sdk/*` and `@smithy/*` instead of leaving them to the runtime. */
  readonly bundleAwsSdk: boolean;
}

/**
 * esbuild options for one function: ESM for Node 22, minified, with a linked source map (the
 * `//# sourceMappingURL` comment lets `NODE_OPTIONS=--enable-source-maps` find it).
 */
export function esbuildOptions(entry: string, outfile: string, settings: BundleSettings, projectRoot: string): BuildOptions {
  return {
    entryPoints: [entry],
    outfile,
    absWorkingDir: projectRoot,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: BUNDLE_TARGET,
    // Prefer packages' ESM builds: they tree-shake better than their CommonJS ones.
    mainFields: ['module', 'main'],
    banner: { js: ESM_REQUIRE_BANNER },
    minify: true,
    sourcemap: 'linked',
    // Line mappings are enough for stack traces; embedding the sources would double the asset.
    sourcesContent: false,
    // The taxonomy's Chinese labels stay 3 bytes a character instead of 6-byte \u escapes.
    charset: 'utf8',
    external: settings.bundleAwsSdk ? [] : [...AWS_SDK_EXTERNALS],
    logLevel: 'warning',
  };
}

/**
 * CDK local bundling with esbuild's API, in the synth process. NodejsFunction runs
 * `npx --no-install esbuild` once per function, and npx alone costs 0.5–1.5 s a start: with twenty-odd
 * functions that made `cdk synth` take over a minute. The public fields enter CDK's asset cache key,
 * so two functions never share a bundle.
 */
export class EsbuildLocalBundling implements ILocalBundling {
  constructor(
    readonly entry: string,
    readonly settings: BundleSettings,
    readonly projectRoot: string,
  ) {}

  tryBundle(outputDir: string): boolean {
    buildSync(esbuildOptions(this.entry, join(outputDir, BUNDLE_FILE), this.settings, this.projectRoot));
    return true;
  }
}

/**
 * The Lambda code of one entry. Honours `aws:cdk:bundling-stacks` like any CDK asset (tests skip
 * bundling); the hash is the bundle's, so an unchanged bundle is not uploaded again.
 */
export function bundledCode(entry: string, projectRoot: string, settings: BundleSettings): Code {
  return Code.fromAsset(projectRoot, {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      local: new EsbuildLocalBundling(entry, settings, projectRoot),
      // Required by the type, never run: local bundling succeeds or throws, it never defers to Docker.
      image: DockerImage.fromRegistry('public.ecr.aws/sam/build-nodejs22.x'),
    },
  });
}
