/** API of the calibration feature: request and response schemas, filled in by its issue. */
export const calibrationContract = {} as const;
