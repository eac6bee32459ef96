/** Schema of the credit feature; filled in by its issue. */
export const credit = ``;
