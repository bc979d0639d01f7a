// @vitest-environment node
import { RuleTester } from 'eslint';
import { join } from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { featureBoundaries } from './feature-boundaries.js';
import { kebabCaseFileNames, noBarrelFiles } from './file-conventions.js';
import { noCountedFindAll } from './test-conventions.js';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.afterAll = afterAll;

const srcDir = join('/project', 'src');
const file = (path) => join(srcDir, path);
const tester = new RuleTester({ languageOptions: { ecmaVersion: 2022, sourceType: 'module' } });
const options = [{ srcDir }];

tester.run('feature-boundaries', featureBoundaries, {
  valid: [
    { filename: file('features/auth/sign-in-page.tsx'), code: "import { x } from '../../shared/api/api';", options },
    { filename: file('features/auth/sign-in-page.tsx'), code: "import { x } from './sign-in-form';", options },
    { filename: file('features/organization/deep/x.tsx'), code: "import { x } from '../users-page';", options },
    { filename: file('features/auth/sign-in-page.tsx'), code: "import { Button } from 'antd';", options },
    { filename: file('app/app-routes.tsx'), code: "import { x } from '../features/home/home-page';", options },
    { filename: file('shared/layout/app-layout.tsx'), code: "import { x } from '../auth/auth-context';", options },
  ],
  invalid: [
    {
      filename: file('features/home/home-page.tsx'),
      code: "import { UsersPage } from '../organization/users-page';",
      options,
      errors: [{ messageId: 'crossFeature', data: { from: 'home', to: 'organization' } }],
    },
    {
      filename: file('features/home/widgets/card.tsx'),
      code: "import { x } from '../../../features/auth/sign-in-form';",
      options,
      errors: [{ messageId: 'crossFeature' }],
    },
    {
      filename: file('features/home/home-page.tsx'),
      code: "const page = import('../auth/sign-in-page');",
      options,
      errors: [{ messageId: 'crossFeature' }],
    },
    {
      filename: file('features/home/home-page.tsx'),
      code: "export { x } from '../auth/sign-in-form';",
      options,
      errors: [{ messageId: 'crossFeature' }],
    },
    {
      filename: file('features/home/home-page.tsx'),
      code: "import { App } from '../../app/app';",
      options,
      errors: [{ messageId: 'featureToApp' }],
    },
    {
      filename: file('shared/layout/app-layout.tsx'),
      code: "import { HomePage } from '../../features/home/home-page';",
      options,
      errors: [{ messageId: 'sharedToFeature', data: { to: 'home' } }],
    },
    {
      filename: file('shared/layout/app-layout.tsx'),
      code: "import { App } from '../../app/app';",
      options,
      errors: [{ messageId: 'sharedToApp' }],
    },
  ],
});

tester.run('kebab-case-file-names', kebabCaseFileNames, {
  valid: [
    { filename: file('shared/api/api-client.ts'), code: 'export {};' },
    { filename: file('shared/api/schema.d.ts'), code: 'export {};' },
    { filename: file('features/auth/sign-in-page.test.tsx'), code: 'export {};' },
    { filename: file('shared/i18n/zh-cn.ts'), code: 'export {};' },
  ],
  invalid: [
    { filename: file('shared/api/apiClient.ts'), code: 'export {};', errors: [{ messageId: 'notKebab' }] },
    { filename: file('features/auth/SignInPage.tsx'), code: 'export {};', errors: [{ messageId: 'notKebab' }] },
    { filename: file('shared/i18n/zh_CN.ts'), code: 'export {};', errors: [{ messageId: 'notKebab' }] },
  ],
});

tester.run('no-barrel-files', noBarrelFiles, {
  valid: [{ filename: file('shared/api/api.ts'), code: "import { a } from './a';\nexport const b = a;" }],
  invalid: [
    { filename: file('shared/api/index.ts'), code: 'export const a = 1;', errors: [{ messageId: 'indexFile' }] },
    { filename: file('shared/api/api.ts'), code: "export * from './a';", errors: [{ messageId: 'reExport' }] },
    { filename: file('shared/api/api.ts'), code: "export { a } from './a';", errors: [{ messageId: 'reExport' }] },
  ],
});

tester.run('no-counted-find-all', noCountedFindAll, {
  valid: [
    { code: 'async () => expect(await screen.findAllByText(a)).toHaveLength(1);' },
    { code: 'async () => waitFor(() => expect(screen.getAllByText(a)).toHaveLength(2));' },
    { code: 'async () => expect(await screen.findByText(a)).toBeInTheDocument();' },
    { code: 'async () => expect(await load()).toHaveLength(2);' },
  ],
  invalid: [
    { code: 'async () => expect(await screen.findAllByText(a)).toHaveLength(2);', errors: [{ messageId: 'countedFindAll' }] },
    {
      code: 'async () => expect(await within(dialog).findAllByRole(a)).toHaveLength(n);',
      errors: [{ messageId: 'countedFindAll' }],
    },
    { code: 'async () => expect(await findAllByText(a)).toHaveLength(3);', errors: [{ messageId: 'countedFindAll' }] },
  ],
});
