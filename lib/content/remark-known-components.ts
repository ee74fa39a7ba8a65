import type { Program } from 'estree';
import type { Root } from 'mdast';
import type {} from 'mdast-util-mdx';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';

function namesDeclaredBy(program: Program): string[] {
  return program.body.flatMap((statement) => {
    if (statement.type === 'ImportDeclaration') return statement.specifiers.map((specifier) => specifier.local.name);
    if (statement.type !== 'ExportNamedDeclaration' || !statement.declaration) return [];
    const declaration = statement.declaration;
    if (declaration.type === 'VariableDeclaration') {
      return declaration.declarations.flatMap((d) => (d.id.type === 'Identifier' ? [d.id.name] : []));
    }
    return [declaration.id.name];
  });
}

/**
 * Fails the compile when a post uses a component that is neither provided by
 * Folio nor imported or declared in the post. Without this, MDX only notices
 * while rendering, far from the file and line that are wrong.
 */
export const remarkKnownComponents: Plugin<[{ provided: readonly string[] }], Root> = ({ provided }) => {
  return (tree, file) => {
    const known = new Set(provided);
    visit(tree, 'mdxjsEsm', (node) => {
      if (node.data?.estree) for (const name of namesDeclaredBy(node.data.estree)) known.add(name);
    });
    visit(tree, (node) => {
      if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
      const root = node.name?.split('.')[0];
      if (!root || !/^[A-Z]/.test(root) || known.has(root)) return;
      file.fail(
        `Unknown component <${node.name}>: use one of ${provided.map((name) => `<${name}>`).join(', ')}, or import it in the post`,
        node.position ? { line: node.position.start.line, column: node.position.start.column } : undefined,
      );
    });
  };
};
