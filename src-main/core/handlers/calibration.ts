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
    'calibration.anchors.list': (_, caller) => listAnchors(ctx, actor(caller)),
    'calibration.anchors.get': ({ portfolioId }, caller) => getAnchor(ctx, portfolioId, actor(caller)),
    'calibration.anchors.candidates': ({ credential }, caller) => anchorCandidates(ctx, credential, actor(caller)),
    'calibration.anchors.save': (input, caller) => saveAnchor(ctx, input, actor(caller)),
    'calibration.anchors.remove': async ({ portfolioId }, caller) => {
      await removeAnchor(ctx, portfolioId, actor(caller));
      return {};
    },
    'calibration.rounds.list': (_, caller) => listRounds(ctx, actor(caller)),
    'calibration.rounds.get': ({ id }, caller) => getRound(ctx, id, actor(caller)),
    'calibration.rounds.create': (input, caller) => createRound(ctx, input, actor(caller)),
    'calibration.rounds.update': ({ id, patch }, caller) => updateRound(ctx, id, patch, actor(caller)),
    'calibration.rounds.close': ({ id }, caller) => closeRound(ctx, id, actor(caller)),
    'calibration.mine': (_, caller) => myCalibration(ctx, actor(caller)),
    'calibration.report.round': ({ id }, caller) => roundReport(ctx, id, actor(caller)),
    'calibration.report.production': (scope, caller) => productionReport(ctx, scope, actor(caller)),
    'calibration.report.export': ({ target, format }, caller) => exportReport(ctx, target, format, actor(caller)),
    'calibration.qualification.get': (_, caller) => qualificationOverview(ctx, actor(caller)),
    'calibration.qualification.set': ({ credential, threshold }, caller) => setThreshold(ctx, credential, threshold, actor(caller)),
    'rubrics.list': (_, caller) => listRubricFamilies(ctx, actor(caller)),
    'rubrics.get': ({ id, version }, caller) => getRubricVersion(ctx, id, version, actor(caller)),
    'rubrics.save': (input, caller) => saveRubric(ctx, input, actor(caller)),
    'rubrics.diff': ({ id, from, to }, caller) => compareRubrics(ctx, id, from, to, actor(caller)),
    'rubrics.export': ({ id, version }, caller) => exportRubric(ctx, id, version, actor(caller)),
  };
}
