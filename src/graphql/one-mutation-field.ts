// A mutation operation may select one root field. Each mutation field commits on
// its own, and the contract makes them non-null, so in a document with several,
// a later failure nulls the whole `data` after the earlier fields have committed:
// an API key whose secret was never shown, a load whose result was lost. Refusing
// such documents before anything runs keeps every request all-or-nothing; the
// list inputs (`upsertEtfs`, `loadPrices(bars:)`) are the way to batch, and each
// of them is one transaction.
import {
  type ASTVisitor,
  type FragmentDefinitionNode,
  Kind,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { DomainError } from '../errors.js';
import { toGraphQLError } from './domain-errors.js';

/** The response keys a root selection set asks for, through fragments; `__typename` is free. */
function rootFieldKeys(
  selectionSet: SelectionSetNode,
  fragment: (name: string) => FragmentDefinitionNode | null | undefined,
  keys = new Set<string>(),
  seen = new Set<string>(),
): Set<string> {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value !== '__typename') keys.add(selection.alias?.value ?? selection.name.value);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      rootFieldKeys(selection.selectionSet, fragment, keys, seen);
    } else if (!seen.has(selection.name.value)) {
      // A fragment cycle is another rule's error: each fragment is walked once.
      seen.add(selection.name.value);
      const definition = fragment(selection.name.value);
      if (definition) rootFieldKeys(definition.selectionSet, fragment, keys, seen);
    }
  }
  return keys;
}

function OneMutationFieldRule(context: ValidationContext): ASTVisitor {
  return {
    OperationDefinition(node) {
      if (node.operation !== 'mutation') return;
      const keys = rootFieldKeys(node.selectionSet, (name) => context.getFragment(name));
      if (keys.size <= 1) return;
      const refusal = new DomainError(
        'ONE_MUTATION_PER_REQUEST',
        `A mutation request may run one mutation field; this one has ${keys.size} (${[...keys].join(', ')}). ` +
          'Each commits on its own, so send them as separate requests, or batch with a list input (upsertEtfs, loadPrices).',
      );
      context.reportError(toGraphQLError(refusal, { nodes: [node] }));
    },
  };
}

export function useOneMutationField(): Plugin {
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(OneMutationFieldRule);
    },
  };
}
