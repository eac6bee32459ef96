/** Tables of the panels feature (see migrations). */
export {};
