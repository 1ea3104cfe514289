// Which price columns a field's selection asks for, so that the read path
// decodes only those: a chart of `date close volume` reads three of a bar's six
// columns. Row decoding is the largest cost of a chart after execution itself.
// Types only from graphql: the importer reads these fields too, and loads no GraphQL.
import type { GraphQLResolveInfo, SelectionSetNode } from 'graphql';

export const BAR_FIELDS = ['open', 'high', 'low', 'close', 'volume'] as const;
export type BarField = (typeof BAR_FIELDS)[number];

// Field nodes belong to the parsed document, which Yoga caches and reuses, so a
// selection is walked once per document, not once per request.
const cache = new WeakMap<object, readonly BarField[]>();

/**
 * The bar columns selected under this field, in canonical order, through
 * fragments and inline fragments. `@include`/`@skip` are ignored: a column
 * read and not shown costs a little; one shown and not read would be wrong.
 */
export function selectedBarFields(info: GraphQLResolveInfo): readonly BarField[] {
  const node = info.fieldNodes[0];
  if (!node) return BAR_FIELDS;
  const cached = info.fieldNodes.length === 1 ? cache.get(node) : undefined;
  if (cached) return cached;
  const names = new Set<string>();
  const visited = new Set<string>();
  const walk = (selectionSet: SelectionSetNode | undefined) => {
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === 'Field') names.add(selection.name.value);
      else if (selection.kind === 'InlineFragment') walk(selection.selectionSet);
      else if (!visited.has(selection.name.value)) {
        visited.add(selection.name.value);
        walk(info.fragments[selection.name.value]?.selectionSet);
      }
    }
  };
  for (const fieldNode of info.fieldNodes) walk(fieldNode.selectionSet);
  const fields = BAR_FIELDS.filter((field) => names.has(field));
  if (info.fieldNodes.length === 1) cache.set(node, fields);
  return fields;
}
