// Bounds every sale and order respects, apart from the schemas that check them: a browser's cart can read them
// without shipping zod to every page.

/** More lines or units than any real ticket; keeps one request's work bounded. */
export const MAX_SALE_LINES = 200;
export const MAX_LINE_QUANTITY = 1_000;
export const MAX_PAYMENTS = 6;
export const MAX_INSTALLMENTS = 24;
