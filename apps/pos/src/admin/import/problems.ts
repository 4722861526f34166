import { useTranslations } from "next-intl";
import {
  FILE_PROBLEMS,
  IMPORT_COLUMNS,
  IMPORT_HEADERS,
  IMPORT_PROBLEMS,
  type FileProblem,
  type ImportColumn,
  type ImportProblem,
} from "@pos/validators";

interface RowProblem {
  field: string;
  code: string;
}

const isColumn = (field: string): field is ImportColumn => (IMPORT_COLUMNS as readonly string[]).includes(field);
const isProblem = (code: string): code is ImportProblem => (IMPORT_PROBLEMS as readonly string[]).includes(code);

/**
 * Says a row's problem in the manager's language: the column as the file names it, then what is wrong. A format
 * error ("invalid") says what the column expects, so the sentence is the UI's, not the server's English.
 */
export function useDescribeProblem(): (problem: RowProblem) => string {
  const t = useTranslations("admin.import");
  return (problem) => {
    const code = isProblem(problem.code) ? problem.code : "rejected";
    const expects = isColumn(problem.field) ? problem.field : problem.field.startsWith("stock_") ? "stock" : "other";
    const what = code === "invalid" ? t(`expects.${expects}`) : t(`problems.${code}`);
    const column = isColumn(problem.field) ? IMPORT_HEADERS[problem.field] : problem.field;
    return column ? `${column}: ${what}` : what;
  };
}

interface ServerError {
  message: string;
  data?: { domain?: { details?: Record<string, unknown> } | null } | null;
}

const isFileProblem = (value: unknown): value is FileProblem =>
  typeof value === "string" && (FILE_PROBLEMS as readonly string[]).includes(value);

/** Why the server refused a whole file, in the manager's language when it named the problem; else its message. */
export function useDescribeFileError(): (error: ServerError) => string {
  const t = useTranslations("admin.import");
  return (error) => {
    const details = error.data?.domain?.details ?? {};
    if (!isFileProblem(details.problem)) return error.message;
    const header = typeof details.header === "string" ? details.header : "";
    const row = typeof details.row === "number" ? String(details.row) : "?";
    return t(`fileProblems.${details.problem}`, { header, row });
  };
}
