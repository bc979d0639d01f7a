import { featureBoundaries } from './feature-boundaries.js';
import { kebabCaseFileNames, noBarrelFiles } from './file-conventions.js';
import { noCountedFindAll } from './test-conventions.js';

export const localPlugin = {
  meta: { name: 'fengqiao-local' },
  rules: {
    'feature-boundaries': featureBoundaries,
    'kebab-case-file-names': kebabCaseFileNames,
    'no-barrel-files': noBarrelFiles,
    'no-counted-find-all': noCountedFindAll,
  },
};
