/** Tables of the credit feature (see migrations). */
export {};
