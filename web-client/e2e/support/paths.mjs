import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const webClientDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const repoRoot = resolve(webClientDir, '..');
export const distDir = resolve(webClientDir, 'dist');
export const outputDir = resolve(webClientDir, 'test-output');
export const apiProjectDir = resolve(repoRoot, 'api', 'Fengqiao.Api');
