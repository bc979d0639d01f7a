import { basename } from 'node:path';

const kebabCase = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** File names are kebab-case; `.d.ts`, `.test.tsx` and similar suffixes are allowed after the name. */
export const kebabCaseFileNames = {
  meta: {
    type: 'suggestion',
    docs: { description: 'Source file names are kebab-case.' },
    schema: [],
    messages: { notKebab: "File name '{{name}}' is not kebab-case." },
  },
  create(context) {
    const name = basename(context.filename);
    const stem = name.split('.')[0] ?? '';
    return {
      Program(node) {
        if (!kebabCase.test(stem)) context.report({ node, messageId: 'notKebab', data: { name } });
      },
    };
  },
};

/** No barrel files: no index modules and no re-exports; import each module from where it lives. */
export const noBarrelFiles = {
  meta: {
    type: 'suggestion',
    docs: { description: 'Forbids index modules and re-exports.' },
    schema: [],
    messages: {
      indexFile: 'Index modules are barrel files; give the module a name that says what it holds.',
      reExport: 'Re-exports make barrel files; import from the module that defines the name.',
    },
  },
  create(context) {
    const stem = basename(context.filename).split('.')[0];
    return {
      Program(node) {
        if (stem === 'index') context.report({ node, messageId: 'indexFile' });
      },
      ExportAllDeclaration(node) {
        context.report({ node, messageId: 'reExport' });
      },
      ExportNamedDeclaration(node) {
        if (node.source) context.report({ node, messageId: 'reExport' });
      },
    };
  },
};
