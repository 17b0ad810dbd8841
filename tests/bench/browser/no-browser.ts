// Benchmarks run the database code in a plain page: the extension APIs are not reached there.
export const browser = {};
export const storage = { defineItem: () => ({}) };
