import { useCallback, useState } from 'react';
import type { DecisionView } from '../../../../src-shared/contracts/review';

export interface ModerationValues {
  levels: Record<string, number>;
  comments: Record<string, string>;
  feedback: string;
  note: string;
}

/** What the moderator has decided so far; a recorded decision, when there is one, is shown instead (read-only). */
export function useModerationForm(decision: DecisionView | null) {
  const [values, setValues] = useState<ModerationValues>({ levels: {}, comments: {}, feedback: '', note: '' });
  const shown: ModerationValues = decision
    ? {
        levels: Object.fromEntries(decision.levels.map((l) => [l.criterionId, l.score])),
        comments: Object.fromEntries(decision.levels.map((l) => [l.criterionId, l.comment])),
        feedback: decision.feedback,
        note: decision.reason ?? '',
      }
    : values;
  const setLevel = useCallback((id: string, score: number) => setValues((v) => ({ ...v, levels: { ...v.levels, [id]: score } })), []);
  const setComment = useCallback((id: string, text: string) => setValues((v) => ({ ...v, comments: { ...v.comments, [id]: text } })), []);
  const setFeedback = useCallback((feedback: string) => setValues((v) => ({ ...v, feedback })), []);
  const setNote = useCallback((note: string) => setValues((v) => ({ ...v, note })), []);
  const fillLevels = useCallback((levels: Record<string, number>) => setValues((v) => ({ ...v, levels: { ...levels, ...v.levels } })), []);
  return { values: shown, setLevel, setComment, setFeedback, setNote, fillLevels };
}
