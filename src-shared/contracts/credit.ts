/** API of the credit feature: request and response schemas, filled in by its issue. */
export const creditContract = {} as const;
