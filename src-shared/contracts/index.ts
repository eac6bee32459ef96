import type { z } from 'zod';
import { appContract } from './app';
import { queueContract } from './queue';
import { portfolioContract } from './portfolio';
import { reviewersContract } from './reviewers';
import { reviewContract } from './review';
import { exportsContract } from './exports';
import { prefsContract } from './prefs';
import { panelsContract } from './panels';
import { calibrationContract } from './calibration';
import { creditContract } from './credit';
import { releaseContract } from './release';

/** Every method either shell serves: request and response schemas, one file per feature. */
export const contract = {
  ...appContract,
  ...queueContract,
  ...portfolioContract,
  ...reviewersContract,
  ...reviewContract,
  ...exportsContract,
  ...prefsContract,
  ...panelsContract,
  ...calibrationContract,
  ...creditContract,
  ...releaseContract,
} as const;

export type Contract = typeof contract;
export type Method = keyof Contract;
export type Input<M extends Method> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends Method> = z.output<Contract[M]['input']>;
export type Output<M extends Method> = z.output<Contract[M]['output']>;

export function isMethod(name: unknown): name is Method {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}
