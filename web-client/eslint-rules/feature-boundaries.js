import { dirname, relative, resolve, sep } from 'node:path';

/**
 * src/features/<name>/ may import its own files and src/shared/ only; src/shared/ may import
 * neither features nor the app composition root (src/app/). Relative specifiers are resolved
 * against the importing file, so `../organization/x` from a sibling feature is caught too.
 */
function areaOf(srcDir, file) {
  const path = relative(srcDir, file);
  if (path.startsWith('..') || path === '') return null;
  const [top, second] = path.split(sep);
  if (top === 'features' && second) return { kind: 'feature', name: second };
  if (top === 'shared') return { kind: 'shared' };
  if (top === 'app') return { kind: 'app' };
  return { kind: 'other' };
}

export const featureBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Features import only src/shared; shared code imports no feature and no app code.' },
    schema: [{ type: 'object', properties: { srcDir: { type: 'string' } }, required: ['srcDir'], additionalProperties: false }],
    messages: {
      crossFeature: "Feature '{{from}}' must not import from feature '{{to}}'; move shared code to src/shared.",
      featureToApp: "Feature '{{from}}' must not import from src/app.",
      sharedToFeature: "src/shared must not import from feature '{{to}}'.",
      sharedToApp: 'src/shared must not import from src/app.',
    },
  },
  create(context) {
    const srcDir = resolve(context.options[0].srcDir);
    const from = areaOf(srcDir, context.filename);
    if (!from || (from.kind !== 'feature' && from.kind !== 'shared')) return {};

    const check = (node) => {
      const specifier = node.source?.value;
      if (typeof specifier !== 'string' || !specifier.startsWith('.')) return;
      const to = areaOf(srcDir, resolve(dirname(context.filename), specifier));
      if (!to) return;
      if (from.kind === 'feature') {
        if (to.kind === 'feature' && to.name !== from.name) {
          context.report({ node: node.source, messageId: 'crossFeature', data: { from: from.name, to: to.name } });
        } else if (to.kind === 'app') {
          context.report({ node: node.source, messageId: 'featureToApp', data: { from: from.name } });
        }
      } else if (to.kind === 'feature') {
        context.report({ node: node.source, messageId: 'sharedToFeature', data: { to: to.name } });
      } else if (to.kind === 'app') {
        context.report({ node: node.source, messageId: 'sharedToApp' });
      }
    };

    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};
