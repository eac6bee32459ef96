export const APP_NAME = 'Evidence Workbench';
export const APP_VERSION = '0.1.0';
