import type { calibrationContract } from '../../../src-shared/contracts/calibration';
import { anchorCandidates, getAnchor, listAnchors, removeAnchor, saveAnchor } from '../../services/calibration/anchors';
import { exportReport } from '../../services/calibration/export';
import { myCalibration } from '../../services/calibration/mine';
import { qualificationOverview, setThreshold } from '../../services/calibration/qualification';
import { productionReport, roundReport } from '../../services/calibration/report';
import { closeRound, createRound, getRound, listRounds, updateRound } from '../../services/calibration/rounds';
import { compareRubrics, exportRubric, getRubricVersion, listRubricFamilies, saveRubric } from '../../services/calibration/rubric-versions';
import type { HandlerDeps, HandlersFor } from './types';

/** Role checks are in the services (leads and admins for everything but a reviewer's own calibration). */
export function calibrationHandlers({ ctx, actor }: HandlerDeps): HandlersFor<typeof calibrationContract> {
  return {
    'calibration.anchors.list': async (_, caller) => listAnchors(ctx, await actor(caller)),
    'calibration.anchors.get': async ({ portfolioId }, caller) => getAnchor(ctx, portfolioId, await actor(caller)),
    'calibration.anchors.candidates': async ({ credential }, caller) => anchorCandidates(ctx, credential, await actor(caller)),
    'calibration.anchors.save': async (input, caller) => saveAnchor(ctx, input, await actor(caller)),
    'calibration.anchors.remove': async ({ portfolioId }, caller) => {
      await removeAnchor(ctx, portfolioId, await actor(caller));
      return {};
    },
    'calibration.rounds.list': async (_, caller) => listRounds(ctx, await actor(caller)),
    'calibration.rounds.get': async ({ id }, caller) => getRound(ctx, id, await actor(caller)),
    'calibration.rounds.create': async (input, caller) => createRound(ctx, input, await actor(caller)),
    'calibration.rounds.update': async ({ id, patch }, caller) => updateRound(ctx, id, patch, await actor(caller)),
    'calibration.rounds.close': async ({ id }, caller) => closeRound(ctx, id, await actor(caller)),
    'calibration.mine': async (_, caller) => myCalibration(ctx, await actor(caller)),
    'calibration.report.round': async ({ id }, caller) => roundReport(ctx, id, await actor(caller)),
    'calibration.report.production': async (scope, caller) => productionReport(ctx, scope, await actor(caller)),
    'calibration.report.export': async ({ target, format }, caller) => exportReport(ctx, target, format, await actor(caller)),
    'calibration.qualification.get': async (_, caller) => qualificationOverview(ctx, await actor(caller)),
    'calibration.qualification.set': async ({ credential, threshold }, caller) => setThreshold(ctx, credential, threshold, await actor(caller)),
    'rubrics.list': async (_, caller) => listRubricFamilies(ctx, await actor(caller)),
    'rubrics.get': async ({ id, version }, caller) => getRubricVersion(ctx, id, version, await actor(caller)),
    'rubrics.save': async (input, caller) => saveRubric(ctx, input, await actor(caller)),
    'rubrics.diff': async ({ id, from, to }, caller) => compareRubrics(ctx, id, from, to, await actor(caller)),
    'rubrics.export': async ({ id, version }, caller) => exportRubric(ctx, id, version, await actor(caller)),
  };
}
