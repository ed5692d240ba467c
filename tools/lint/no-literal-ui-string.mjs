// ESLint rule: no words a person reads written as literals in the web client's JSX. Every
// visible string goes through i18next (libs/web/i18n/src/locales), so Spanish readers never
// meet a stray English word. Flags letters in JSX text, in string literals placed as JSX
// children, and in the attributes people read or hear (labels, placeholders, titles, ARIA
// names, alt text, descriptions, errors). Wordless text (punctuation, "·", "—") is fine.
const VISIBLE_ATTRIBUTES = new Set([
  'label',
  'placeholder',
  'title',
  'alt',
  'description',
  'error',
  'message',
  'tooltip',
  'note',
  'aria-label',
  'aria-description',
  'aria-valuetext',
  'aria-roledescription',
  'aria-placeholder',
]);
const hasWords = (s) => /\p{L}/u.test(s);

function literalText(node) {
  if (!node) return null;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral') return node.quasis.map((q) => q.value.cooked ?? '').join(' ');
  if (node.type === 'ConditionalExpression') return [literalText(node.consequent), literalText(node.alternate)].filter((x) => x !== null).join(' ') || null;
  if (node.type === 'LogicalExpression') return literalText(node.right);
  return null;
}

export const noLiteralUiString = {
  meta: {
    type: 'problem',
    docs: { description: 'User-visible strings in JSX go through i18next keys' },
    messages: { literal: 'User-visible text "{{text}}" must come from an i18n key (t(...)), not a literal.' },
    schema: [],
  },
  create(context) {
    const report = (node, text) => context.report({ node, messageId: 'literal', data: { text: text.trim().slice(0, 40) } });
    return {
      JSXText(node) {
        if (hasWords(node.value)) report(node, node.value);
      },
      JSXExpressionContainer(node) {
        if (node.parent?.type === 'JSXAttribute') return;
        const text = literalText(node.expression);
        if (text !== null && hasWords(text)) report(node, text);
      },
      JSXAttribute(node) {
        const name = node.name.type === 'JSXNamespacedName' ? `${node.name.namespace.name}:${node.name.name.name}` : node.name.name;
        if (!VISIBLE_ATTRIBUTES.has(name) || !node.value) return;
        const text = node.value.type === 'JSXExpressionContainer' ? literalText(node.value.expression) : literalText(node.value);
        if (text !== null && hasWords(text)) report(node, text);
      },
    };
  },
};

export default { rules: { 'no-literal-ui-string': noLiteralUiString } };
