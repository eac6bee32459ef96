/** Schema of the panels feature; filled in by its issue. */
export const panels = ``;
