/** Schema of the calibration feature; filled in by its issue. */
export const calibration = ``;
