/** Tables of the calibration feature (see migrations). */
export {};
