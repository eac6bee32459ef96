import type { ServiceContext } from '../context';

/**
 * Whether calibration qualifies a reviewer for a credential (latest round: exact agreement with the reference at
 * least 70 %, no criterion more than one level off). Placeholder until the calibration feature lands: nobody is.
 */
export function isQualified(_ctx: ServiceContext, _reviewerId: string, _credentialCode: string): { qualified: boolean; reason: string } {
  return { qualified: false, reason: 'no calibration round completed' };
}
