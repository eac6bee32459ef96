import type { creditContract } from '../../../src-shared/contracts/credit';
import { listCredentials } from '../../services/credentials';
import { canView } from '../../services/credit/access';
import { createApplication, decideApplication, getApplication, listApplications } from '../../services/credit/applications';
import { candidateRecord, findDuplicates, listCandidates, mergeCandidates } from '../../services/credit/candidates';
import { importExternal } from '../../services/credit/external';
import { holdersCsv, programmeInsight } from '../../services/credit/insight';
import { decisionLetter } from '../../services/credit/letter';
import { exportPathway, getPathway, importPathwayJson, listPathways, savePathway } from '../../services/credit/pathways';
import { exportStudentRecords } from '../../services/credit/records';
import { getCreditSettings, setCreditSettings } from '../../services/credit/settings';
import { exportPortfolioBadge, verifyBadgeFile } from '../../services/credit/badges';
import { addTrustedIssuer, listTrustedIssuers, removeTrustedIssuer } from '../../services/credit/trust';
import type { HandlerDeps, HandlersFor } from './types';

/** Thin: every rule (roles included) lives in src-main/services/credit, so the CLI and both shells agree. */
export function creditHandlers({ ctx, actor }: HandlerDeps): HandlersFor<typeof creditContract> {
  const viewer = (caller: Parameters<typeof actor>[0]) => {
    const me = actor(caller);
    canView(me);
    return me;
  };
  return {
    'credit.catalogue': async (_, caller) => {
      viewer(caller);
      return (await listCredentials(ctx)).map((c) => ({
        code: c.code,
        title: c.title,
        provider: c.provider,
        level: c.level,
        creditPoints: c.credit_points,
        hours: c.hours ?? null,
        validityYears: c.validity_years ?? null,
      }));
    },
    'credit.pathways': async (_, caller) => {
      viewer(caller);
      return await listPathways(ctx);
    },
    'credit.pathway': async ({ id, version }, caller) => {
      viewer(caller);
      return await getPathway(ctx, id, version);
    },
    'credit.savePathway': ({ pathway }, caller) => savePathway(ctx, pathway, actor(caller)),
    'credit.importPathway': ({ json }, caller) => importPathwayJson(ctx, json, actor(caller)),
    'credit.exportPathway': async ({ id, version }, caller) => {
      viewer(caller);
      return await exportPathway(ctx, id, version);
    },
    'credit.candidates': ({ search }, caller) => listCandidates(ctx, actor(caller), search),
    'credit.candidate': ({ id }, caller) => candidateRecord(ctx, id, actor(caller)),
    'credit.duplicates': (_, caller) => findDuplicates(ctx, actor(caller)),
    'credit.merge': ({ from, into, reason }, caller) => mergeCandidates(ctx, from, into, reason, actor(caller)),
    'credit.importExternal': (input, caller) => importExternal(ctx, input, actor(caller)),
    'credit.applications': ({ status }, caller) => listApplications(ctx, actor(caller), { status }),
    'credit.application': ({ id }, caller) => getApplication(ctx, id, actor(caller)),
    'credit.apply': (input, caller) => createApplication(ctx, input, actor(caller)),
    'credit.decide': (input, caller) => decideApplication(ctx, input, actor(caller)),
    'credit.letter': ({ applicationId }, caller) => decisionLetter(ctx, applicationId, actor(caller)),
    'credit.exportRecords': ({ format }, caller) => exportStudentRecords(ctx, format, actor(caller)),
    'credit.badge': ({ portfolioId }, caller) => exportPortfolioBadge(ctx, portfolioId, actor(caller)),
    'credit.verifyBadge': async ({ content }, caller) => {
      viewer(caller);
      return await verifyBadgeFile(ctx, content);
    },
    'credit.insight': (filter, caller) => programmeInsight(ctx, actor(caller), filter),
    'credit.holdersCsv': (filter, caller) => holdersCsv(ctx, actor(caller), filter),
    'credit.settings': async (_, caller) => {
      viewer(caller);
      return await getCreditSettings(ctx);
    },
    'credit.setSettings': (settings, caller) => setCreditSettings(ctx, settings, actor(caller)),
    'credit.trustList': (_, caller) => listTrustedIssuers(ctx, actor(caller)),
    'credit.trustAdd': (input, caller) => addTrustedIssuer(ctx, input, actor(caller)),
    'credit.trustRemove': ({ thumbprint }, caller) => removeTrustedIssuer(ctx, thumbprint, actor(caller)),
  };
}
