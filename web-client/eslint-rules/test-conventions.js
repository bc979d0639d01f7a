/**
 * `findAllBy…` resolves as soon as one element matches, so counting its result races with the
 * elements that render on a later tick (antd shows each field's validation error on its own).
 * Count inside `waitFor` instead; a count of one or zero says nothing a `findBy…` would not.
 */
export const noCountedFindAll = {
  meta: {
    type: 'problem',
    docs: { description: 'Forbids counting more than one element straight from a findAllBy… query.' },
    schema: [],
    messages: {
      countedFindAll:
        'findAllBy… resolves at the first match; count with waitFor(() => expect(getAllBy…(…)).toHaveLength(n)).',
    },
  },
  create(context) {
    return {
      CallExpression(node) {
        if (node.callee.type !== 'MemberExpression' || node.callee.property.name !== 'toHaveLength') return;
        const [count] = node.arguments;
        if (count?.type === 'Literal' && typeof count.value === 'number' && count.value < 2) return;
        const expectCall = node.callee.object;
        if (expectCall.type !== 'CallExpression' || expectCall.callee.name !== 'expect') return;
        const [subject] = expectCall.arguments;
        if (subject?.type !== 'AwaitExpression' || subject.argument.type !== 'CallExpression') return;
        const query = subject.argument.callee;
        const name = query.type === 'MemberExpression' ? query.property.name : query.name;
        if (typeof name === 'string' && name.startsWith('findAllBy')) context.report({ node, messageId: 'countedFindAll' });
      },
    };
  },
};
