// Whether a field's answer may be shared between callers, declared on the field
// next to its cost (`cacheScope:`), as a Pothos plugin so the option is typed
// and lands in the field's extensions, where the response cache reads it
// (src/cache/cacheable-documents.ts). Nothing is inferred from names or types:
// a field that declares nothing is never shared.
import SchemaBuilder, {
  BasePlugin,
  type FieldNullability,
  type InputFieldMap,
  type PothosOutputFieldConfig,
  type SchemaTypes,
  type TypeParam,
} from '@pothos/core';

/**
 * - `public`: the same answer for every caller allowed to read it; the
 *   response cache may share it. Only for data the cache is evicted for (an
 *   ETF's own data: see src/cache/response-cache.ts).
 * - `caller`: depends on who asks (their account, their role, their
 *   watchlist); never shared.
 * - `parent`: a value taken from the object above it and nothing else (an
 *   exposed column, a connection's edges and cursors): it is as shareable as
 *   the field that produced that object. Exposed fields get it without asking.
 */
export type CacheScope = 'public' | 'caller' | 'parent';

const pluginName = 'cacheScope';

declare global {
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      cacheScope: CacheScopePlugin<Types>;
    }
    export interface FieldOptions<
      Types extends SchemaTypes = SchemaTypes,
      ParentShape = unknown,
      Type extends TypeParam<Types> = TypeParam<Types>,
      Nullable extends FieldNullability<Type> = FieldNullability<Type>,
      Args extends InputFieldMap = InputFieldMap,
      ResolveShape = unknown,
      ResolveReturnShape = unknown,
    > {
      /** Whether the answer may be shared between callers (src/cache-scope.ts); undeclared: never. */
      cacheScope?: CacheScope;
    }
  }
}

/** The declared scope of a field of the built schema; undefined when it declared none. */
export function cacheScopeOf(field: { extensions?: Record<string, unknown> | null }): CacheScope | undefined {
  return field.extensions?.cacheScope as CacheScope | undefined;
}

export class CacheScopePlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override onOutputFieldConfig(fieldConfig: PothosOutputFieldConfig<Types>): PothosOutputFieldConfig<Types> {
    const extensions = fieldConfig.extensions ?? {};
    const declared = (fieldConfig.pothosOptions as { cacheScope?: CacheScope }).cacheScope;
    // An exposed column, or the count of a connection that its own field computes.
    const passedThrough = extensions.pothosExposedField !== undefined || extensions.pothosPrismaTotalCount === true;
    const scope = declared ?? (passedThrough ? 'parent' : undefined);
    if (scope === undefined) return fieldConfig;
    return { ...fieldConfig, extensions: { ...extensions, cacheScope: scope } };
  }
}

SchemaBuilder.registerPlugin(pluginName, CacheScopePlugin);

export default pluginName;
