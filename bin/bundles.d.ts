/** Types of bin/bundles.js for TypeScript callers (tests). */
export interface Metafile {
  inputs: Record<string, { imports: { path: string; external?: boolean }[] }>;
}
export interface BuiltPackManifest {
  name: string;
  version: string;
  main: string;
  dependencies: Record<string, string>;
}
export function ensureBundles(): { cli: string; pack: string };
export function externalPackages(metafile: Metafile): string[];
export function buildPolicyPack(outDir: string): BuiltPackManifest;
export function buildCli(): void;
export function buildComponents(): void;
