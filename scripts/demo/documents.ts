/**
 * Turns the demo content (unit packs, mentoring and inquiry records, journals) into document specs for pdf.ts.
 */
import type { Block, DocSpec } from './pdf';
import type { Person } from './content';

export interface DocContext {
  person: Person;
  portfolioId: string;
  credentialCode: string;
  /** ISO date-time the document was last saved (becomes the PDF dates). */
  date: string;
}

const longDate = (iso: string) => {
  const d = new Date(`${iso.slice(0, 10)}T12:00:00Z`);
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  return `${d.getUTCDate()} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
};

function frame(ctx: DocContext, title: string, subtitle: string, blocks: Block[], keywords: string[]): DocSpec {
  const c = ctx.person.candidate;
  return {
    title,
    subtitle,
    header: `${c.school} \u00b7 ${c.district}`,
    footer: `${c.name} \u2014 Portfolio ${ctx.portfolioId} (${ctx.credentialCode})`,
    author: c.name,
    subject: `Evidence for ${ctx.credentialCode}`,
    keywords: [ctx.credentialCode, ...keywords],
    date: ctx.date,
    blocks,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Units: lesson plans and student work

export interface Lesson {
  title: string;
  focus: string;
  launch: string;
  explore: string;
  consolidate: string;
  check: string;
}

export interface WorkSample {
  student: string;
  task: string;
  response: string;
  feedback: string;
  /** Self-assessment per success criterion, same order as the unit's success criteria. */
  self: string[];
  /** What the student did next, if anything. */
  next?: string;
}

export interface UnitPack {
  learningArea: string;
  yearLevel: string;
  className: string;
  unitTitle: string;
  term: string;
  duration: string;
  context: string;
  curriculum: string[];
  research: string;
  intentions: string[];
  successCriteria: { criterion: string; evidence: string }[];
  lessons: Lesson[];
  differentiation: string[];
  assessment: string;
  resources: string[];
  samplesIntro: string;
  samples: WorkSample[];
  classPatterns: [string, string, string][];
}

export function unitPlan(ctx: DocContext, u: UnitPack, revised?: { summary: string; changes: string[] }): DocSpec {
  const blocks: Block[] = [
    {
      type: 'meta',
      pairs: [
        ['Teacher', `${ctx.person.candidate.name} (${ctx.person.role})`],
        ['School', ctx.person.candidate.school],
        ['Learning area', u.learningArea],
        ['Class', `${u.yearLevel}, ${u.className}`],
        ['When', `${u.term}; ${u.duration}`],
        ['Plan saved', longDate(ctx.date)],
      ],
    },
  ];
  if (revised) blocks.push({ type: 'note', title: 'Revised plan (resubmission)', text: revised.summary }, { type: 'bullets', items: revised.changes });
  blocks.push(
    { type: 'h1', text: 'Context and class profile' },
    { type: 'p', text: u.context },
    { type: 'h1', text: 'Curriculum links' },
    { type: 'bullets', items: u.curriculum },
    { type: 'h1', text: 'Why this design: research and rationale' },
    { type: 'p', text: u.research },
    { type: 'h1', text: 'Learning intentions and success criteria' },
    { type: 'h2', text: 'Learning intentions' },
    { type: 'bullets', items: u.intentions, numbered: true },
    { type: 'h2', text: 'Success criteria (co-constructed with the class)' },
    {
      type: 'table',
      columns: ['Success criterion', 'What it looks like in work', 'Self-check'],
      widths: [2.4, 2.6, 1.2],
      rows: u.successCriteria.map((s) => [s.criterion, s.evidence, 'Not yet / Nearly / Got it']),
    },
  );
  u.lessons.forEach((lesson, i) => {
    blocks.push(
      { type: 'h1', text: `Lesson ${i + 1}: ${lesson.title}` },
      { type: 'p', text: lesson.focus },
      {
        type: 'table',
        columns: ['Phase', 'Time', 'Learning activity', 'Evidence I will look for'],
        widths: [1, 0.7, 3.4, 2.2],
        boldFirstColumn: true,
        rows: [
          ['Launch', '10 min', lesson.launch, 'Who can connect this to last lesson? Note quiet students to check in with.'],
          ['Explore', '30 min', lesson.explore, lesson.check],
          ['Consolidate', '15 min', lesson.consolidate, 'Exit response sorted into "got it / nearly / not yet" piles to plan the next lesson.'],
        ],
      },
    );
  });
  blocks.push(
    { type: 'h1', text: 'Differentiation and inclusion' },
    { type: 'bullets', items: u.differentiation },
    { type: 'h1', text: 'Assessment' },
    { type: 'p', text: u.assessment },
    { type: 'h1', text: 'Resources' },
    { type: 'bullets', items: u.resources },
    { type: 'signoff', lines: [`${ctx.person.candidate.name}, ${ctx.person.role}`, longDate(ctx.date)] },
  );
  return frame(ctx, `${revised ? 'Revised unit plan' : 'Unit plan'}: ${u.unitTitle}`, `${u.learningArea} \u00b7 ${u.yearLevel} \u00b7 ${u.term}`, blocks, [
    'unit plan',
    u.learningArea,
  ]);
}

export function studentWork(ctx: DocContext, u: UnitPack): DocSpec {
  const blocks: Block[] = [
    { type: 'p', text: u.samplesIntro },
    {
      type: 'note',
      title: 'Consent and privacy',
      text: 'Students and their whānau gave consent for these samples to be used for professional learning. Names are pseudonyms and identifying details have been removed.',
    },
  ];
  u.samples.forEach((s, i) => {
    blocks.push(
      { type: 'h1', text: `Sample ${i + 1}: ${s.student}` },
      { type: 'p', text: `Task: ${s.task}`, italic: true },
      { type: 'sample', label: 'Student response (typed from the original)', text: s.response, feedback: s.feedback },
      {
        type: 'table',
        columns: ['Success criterion', 'Student self-assessment'],
        widths: [3, 1.4],
        rows: u.successCriteria.map((c, j) => [c.criterion, s.self[j] ?? '\u2014']),
      },
    );
    if (s.next) blocks.push({ type: 'p', text: `What happened next: ${s.next}` });
  });
  blocks.push(
    { type: 'h1', text: 'Patterns across the class' },
    { type: 'table', columns: ['What I noticed', 'How many', 'What I changed'], widths: [2.6, 1, 2.6], rows: u.classPatterns },
  );
  return frame(ctx, `Student work samples: ${u.unitTitle}`, `${u.yearLevel} ${u.learningArea} \u00b7 annotated samples with feedback`, blocks, ['student work']);
}

// ---------------------------------------------------------------------------------------------------------------
// Journals

export interface JournalEntry {
  date: string;
  heading: string;
  text: string;
}

/** Smyth's reflective cycle: what I did, what informs it, confronting assumptions, how I would do it differently. */
export interface ReflectiveCycle {
  describe: string;
  inform: string;
  confront: string;
  reconstruct: string;
}

export function journal(ctx: DocContext, title: string, intro: string, entries: JournalEntry[], closing?: string, cycle?: ReflectiveCycle): DocSpec {
  const blocks: Block[] = [{ type: 'p', text: intro, italic: true }];
  for (const e of entries) blocks.push({ type: 'h2', text: `${longDate(e.date)} \u2014 ${e.heading}` }, { type: 'p', text: e.text });
  if (cycle)
    blocks.push(
      { type: 'h1', text: 'Stepping back: Smyth\'s reflective cycle' },
      { type: 'p', text: 'To move beyond description I used Smyth\'s four questions: What did I do? What does this mean? How did I come to be like this? How might I do things differently?' },
      {
        type: 'table',
        columns: ['Stage', 'My reflection'],
        widths: [1.1, 4.6],
        boldFirstColumn: true,
        size: 9.5,
        rows: [
          ['Describe', cycle.describe],
          ['Inform', cycle.inform],
          ['Confront', cycle.confront],
          ['Reconstruct', cycle.reconstruct],
        ],
      },
    );
  if (closing) blocks.push({ type: 'h1', text: 'Looking back' }, { type: 'p', text: closing });
  blocks.push({ type: 'signoff', lines: [ctx.person.candidate.name, longDate(ctx.date)] });
  return frame(ctx, title, `Reflective journal \u00b7 ${ctx.person.candidate.name}`, blocks, ['reflection', 'journal']);
}

// ---------------------------------------------------------------------------------------------------------------
// Mentoring

export interface MentoringPack {
  mentee: string;
  menteeRole: string;
  agreement: string[];
  goals: string[];
  sessions: [string, string, string, string][];
  conversationTitle: string;
  conversation: [string, string, string][];
  conversationOutcome: string;
  observation: {
    date: string;
    lesson: string;
    focus: string;
    record: [string, string, string][];
    tally: [string, string, string][];
    strengths: string[];
    wonderings: string[];
    nextSteps: string[];
    menteeVoice: string;
  };
}

export function mentoringLog(ctx: DocContext, m: MentoringPack): DocSpec {
  return frame(ctx, 'Mentoring log and conversation record', `Mentoring partnership with ${m.mentee} (${m.menteeRole})`, [
    { type: 'h1', text: 'Mentoring agreement' },
    { type: 'bullets', items: m.agreement },
    { type: 'h2', text: 'Goals agreed with my mentee' },
    { type: 'bullets', items: m.goals, numbered: true },
    { type: 'h1', text: 'Log of mentoring sessions' },
    { type: 'table', columns: ['Date', 'Focus', 'Evidence used', 'Agreed next step'], widths: [0.9, 1.8, 2, 2.2], rows: m.sessions },
    { type: 'h1', text: `Conversation record: ${m.conversationTitle}` },
    {
      type: 'p',
      text: 'Extract transcribed from an audio recording made with my mentee\'s agreement. The right-hand column is my own annotation of the mentoring move I was making.',
      italic: true,
    },
    { type: 'table', columns: ['Speaker', 'What was said', 'Mentoring move'], widths: [0.9, 4, 1.6], rows: m.conversation, boldFirstColumn: true },
    { type: 'h2', text: 'Outcome' },
    { type: 'p', text: m.conversationOutcome },
    { type: 'signoff', lines: [`${ctx.person.candidate.name}, mentor`, longDate(ctx.date)] },
  ], ['mentoring', 'log']);
}

export function observationRecord(ctx: DocContext, m: MentoringPack): DocSpec {
  const o = m.observation;
  return frame(ctx, 'Observation and feedback record', `${o.lesson} \u00b7 observed ${longDate(o.date)}`, [
    {
      type: 'meta',
      pairs: [
        ['Teacher observed', `${m.mentee} (${m.menteeRole})`],
        ['Observer', `${ctx.person.candidate.name} (mentor)`],
        ['Lesson', o.lesson],
        ['Agreed focus', o.focus],
      ],
    },
    { type: 'h1', text: 'Running record' },
    { type: 'p', text: 'Low-inference notes: what was said and done, without judgement. Times are minutes into the lesson.', italic: true },
    { type: 'table', columns: ['Time', 'Teacher', 'Students'], widths: [0.7, 3, 3], rows: o.record },
    { type: 'h1', text: 'Data on the agreed focus' },
    { type: 'table', columns: ['Measure', 'Count / observation', 'Comment'], widths: [2, 1.4, 3], rows: o.tally },
    { type: 'h1', text: 'Debrief' },
    { type: 'h2', text: 'What the data show is working' },
    { type: 'bullets', items: o.strengths },
    { type: 'h2', text: 'Wonderings we explored' },
    { type: 'bullets', items: o.wonderings },
    { type: 'h2', text: 'Next steps (agreed)' },
    { type: 'bullets', items: o.nextSteps, numbered: true },
    { type: 'quote', text: o.menteeVoice, by: `${m.mentee}, after the debrief` },
  ], ['observation', 'mentoring']);
}

// ---------------------------------------------------------------------------------------------------------------
// Collaborative inquiry

export interface InquiryPack {
  team: string;
  question: string;
  rationale: string;
  baseline: [string, string, string][];
  roles: [string, string][];
  plan: [string, string, string, string][];
  norms: string[];
}

export interface Meeting {
  date: string;
  title: string;
  present: string;
  protocol: string;
  notes: string;
  actions: [string, string, string][];
}

export interface Impact {
  measures: [string, string, string, string][];
  teacherVoice: { text: string; by: string }[];
  studentVoice: { text: string; by: string }[];
  limitations: string;
  nextCycle: string[];
}

export function inquiryPlan(ctx: DocContext, w: InquiryPack): DocSpec {
  return frame(ctx, 'Collaborative inquiry plan', w.team, [
    { type: 'note', title: 'Inquiry question', text: w.question },
    { type: 'h1', text: 'Why this matters for our learners' },
    { type: 'p', text: w.rationale },
    { type: 'h1', text: 'Baseline evidence (scanning)' },
    { type: 'table', columns: ['Source', 'What it showed', 'So what?'], widths: [1.6, 2.6, 2.6], rows: w.baseline },
    { type: 'h1', text: 'Team and roles' },
    { type: 'table', columns: ['Who', 'Role in the inquiry'], widths: [1.6, 4], rows: w.roles, boldFirstColumn: true },
    { type: 'h1', text: 'Plan of action' },
    { type: 'table', columns: ['When', 'Action', 'Who leads', 'Evidence we will collect'], widths: [1, 2.8, 1.2, 2.2], rows: w.plan },
    { type: 'h1', text: 'Our team norms' },
    { type: 'bullets', items: w.norms },
    { type: 'signoff', lines: [`${ctx.person.candidate.name}, ${ctx.person.role}`, longDate(ctx.date)] },
  ], ['inquiry', 'plan']);
}

export function meetingNotes(ctx: DocContext, w: InquiryPack, meetings: Meeting[]): DocSpec {
  const blocks: Block[] = [
    { type: 'p', text: `Notes from the inquiry meetings of ${w.team}. Notes were taken by a rotating scribe and agreed at the start of the following meeting.`, italic: true },
  ];
  for (const m of meetings)
    blocks.push(
      { type: 'h1', text: `${longDate(m.date)}: ${m.title}` },
      { type: 'meta', pairs: [['Present', m.present], ['Protocol', m.protocol]] },
      { type: 'p', text: m.notes },
      { type: 'table', columns: ['Action', 'Who', 'By when'], widths: [4, 1.4, 1.2], rows: m.actions },
    );
  return frame(ctx, 'Inquiry meeting notes', w.team, blocks, ['meetings', 'inquiry']);
}

export function impactSummary(ctx: DocContext, w: InquiryPack, impact: Impact): DocSpec {
  return frame(ctx, 'Impact summary', `${w.team} \u00b7 what changed, and how we know`, [
    { type: 'note', title: 'Inquiry question', text: w.question },
    { type: 'h1', text: 'Measures before and after' },
    { type: 'table', columns: ['Measure', 'Before', 'After', 'Source'], widths: [2.6, 1.1, 1.1, 2.2], rows: impact.measures },
    { type: 'h1', text: 'Teacher voice' },
    ...impact.teacherVoice.map((q): Block => ({ type: 'quote', text: q.text, by: q.by })),
    { type: 'h1', text: 'Student voice' },
    ...impact.studentVoice.map((q): Block => ({ type: 'quote', text: q.text, by: q.by })),
    { type: 'h1', text: 'Limitations' },
    { type: 'p', text: impact.limitations },
    { type: 'h1', text: 'Next cycle' },
    { type: 'bullets', items: impact.nextCycle },
  ], ['impact', 'inquiry']);
}
