// The shape of the indicator catalog as the browser gets it
// (generated/indicator-catalog.ts): what the panel needs to offer an
// indicator and what the query needs to ask for it, without any server code.

/** One argument: its kind with its bounds, and the catalog's default (null: none, the dashboard picks one). */
export type BrowserParam =
  | { name: string; kind: 'int' | 'float'; min: number; max: number; above: boolean; default: number | null }
  | {
      name: string;
      kind: 'ints' | 'floats';
      min: number;
      max: number;
      minLength: number;
      maxLength: number;
      default: readonly number[] | null;
    }
  | { name: string; kind: 'enum'; values: readonly { value: string; description: string }[]; default: string | null }
  | { name: string; kind: 'ticker'; default: string | null };

export type BrowserIndicator = {
  description: string;
  /** The fields of its point type besides `date`, in order. */
  fields: readonly string[];
  params: readonly BrowserParam[];
};
