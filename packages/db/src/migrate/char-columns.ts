// Defect 1 of adapter-pg (see adapter.ts): PostgreSQL's "char" type (OID 18), which the engine reads from
// pg_catalog (contype, relkind, attidentity …), is not mapped, so every introspection throws "Column type
// 'char' could not be deserialized". The engine must see these columns as Character (Text panics once CHECK
// constraints exist). adapter-pg's mapping is private, so we relabel the field at the pg level and restore
// the right column type on the way out.
import { ColumnTypeEnum, type SqlResultSet } from "@prisma/driver-adapter-utils";
import pg from "pg";

const CHAR_OID = 18;
const TEXT_OID = 25;

/** Result rows arrays → indexes of their "char" columns; keyed by identity, so concurrent queries cannot mix. */
const charColumns = new WeakMap<object, ReadonlySet<number>>();

interface FieldLike {
  dataTypeID: number;
}

function isResultWithFields(value: unknown): value is { fields: FieldLike[]; rows: object } {
  return (
    typeof value === "object" && value !== null && "fields" in value && Array.isArray(value.fields) && "rows" in value
  );
}

/**
 * Runs after pg has parsed the rows (the OID 18 parser yields plain strings), so relabelling the field as text
 * only keeps adapter-pg's type mapping from throwing; the real column type is restored in `fixColumnTypes`.
 */
function relabelCharFields(result: unknown): unknown {
  if (!isResultWithFields(result)) return result;
  const indexes = new Set<number>();
  result.fields.forEach((field, i) => {
    if (field.dataTypeID === CHAR_OID) {
      field.dataTypeID = TEXT_OID;
      indexes.add(i);
    }
  });
  if (indexes.size > 0) charColumns.set(result.rows, indexes);
  return result;
}

type Callback = (error: unknown, result: unknown) => void;

/**
 * A pg Client whose query results get their "char" fields relabelled (see above). pg-pool calls
 * `client.query(config, values, callback)`, a pooled transaction client is called promise-style: cover both.
 */
export class CharAwareClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    const original = this.query.bind(this) as (...args: unknown[]) => unknown;
    const patched = (...args: unknown[]): unknown => {
      const last = args.at(-1);
      if (typeof last === "function") {
        const callback = last as Callback;
        const wrapped: Callback = (error, result) => callback(error, error ? result : relabelCharFields(result));
        return original(...args.slice(0, -1), wrapped);
      }
      const out = original(...args);
      return out instanceof Promise ? out.then(relabelCharFields) : out;
    };
    Reflect.set(this, "query", patched);
  }
}

/** The column types adapter-pg reported, with the relabelled "char" columns as Character again. */
export function fixColumnTypes(result: SqlResultSet): SqlResultSet {
  const indexes = charColumns.get(result.rows);
  if (!indexes) return result;
  const columnTypes = result.columnTypes.map((type, i) => (indexes.has(i) ? ColumnTypeEnum.Character : type));
  return { ...result, columnTypes };
}
