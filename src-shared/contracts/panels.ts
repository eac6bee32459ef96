/** API of the panels feature: request and response schemas, filled in by its issue. */
export const panelsContract = {} as const;
