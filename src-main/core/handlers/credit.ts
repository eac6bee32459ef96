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
  const viewer = async (caller: Parameters<typeof actor>[0]) => {
    const me = await actor(caller);
    canView(me);
    return me;
  };
  return {
    'credit.catalogue': async (_, caller) => {
      await viewer(caller);
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
      await viewer(caller);
      return await listPathways(ctx);
    },
    'credit.pathway': async ({ id, version }, caller) => {
      await viewer(caller);
      return await getPathway(ctx, id, version);
    },
    'credit.savePathway': async ({ pathway }, caller) => savePathway(ctx, pathway, await actor(caller)),
    'credit.importPathway': async ({ json }, caller) => importPathwayJson(ctx, json, await actor(caller)),
    'credit.exportPathway': async ({ id, version }, caller) => {
      await viewer(caller);
      return await exportPathway(ctx, id, version);
    },
    'credit.candidates': async ({ search }, caller) => listCandidates(ctx, await actor(caller), search),
    'credit.candidate': async ({ id }, caller) => candidateRecord(ctx, id, await actor(caller)),
    'credit.duplicates': async (_, caller) => findDuplicates(ctx, await actor(caller)),
    'credit.merge': async ({ from, into, reason }, caller) => mergeCandidates(ctx, from, into, reason, await actor(caller)),
    'credit.importExternal': async (input, caller) => importExternal(ctx, input, await actor(caller)),
    'credit.applications': async ({ status }, caller) => listApplications(ctx, await actor(caller), { status }),
    'credit.application': async ({ id }, caller) => getApplication(ctx, id, await actor(caller)),
    'credit.apply': async (input, caller) => createApplication(ctx, input, await actor(caller)),
    'credit.decide': async (input, caller) => decideApplication(ctx, input, await actor(caller)),
    'credit.letter': async ({ applicationId }, caller) => decisionLetter(ctx, applicationId, await actor(caller)),
    'credit.exportRecords': async ({ format }, caller) => exportStudentRecords(ctx, format, await actor(caller)),
    'credit.badge': async ({ portfolioId }, caller) => exportPortfolioBadge(ctx, portfolioId, await actor(caller)),
    'credit.verifyBadge': async ({ content }, caller) => {
      await viewer(caller);
      return await verifyBadgeFile(ctx, content);
    },
    'credit.insight': async (filter, caller) => programmeInsight(ctx, await actor(caller), filter),
    'credit.holdersCsv': async (filter, caller) => holdersCsv(ctx, await actor(caller), filter),
    'credit.settings': async (_, caller) => {
      await viewer(caller);
      return await getCreditSettings(ctx);
    },
    'credit.setSettings': async (settings, caller) => setCreditSettings(ctx, settings, await actor(caller)),
    'credit.trustList': async (_, caller) => listTrustedIssuers(ctx, await actor(caller)),
    'credit.trustAdd': async (input, caller) => addTrustedIssuer(ctx, input, await actor(caller)),
    'credit.trustRemove': async ({ thumbprint }, caller) => removeTrustedIssuer(ctx, thumbprint, await actor(caller)),
  };
}
