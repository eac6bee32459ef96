/**
 * The demo portfolios: who submitted what, their written responses, and the evidence each package holds.
 * Evidence documents are built from the packs in units.ts and the records below.
 */
import { PEOPLE, type Person } from './content';
import {
  impactSummary,
  inquiryPlan,
  journal,
  meetingNotes,
  mentoringLog,
  observationRecord,
  studentWork,
  unitPlan,
  type DocContext,
  type Impact,
  type InquiryPack,
  type Meeting,
  type MentoringPack,
} from './documents';
import type { DocSpec } from './pdf';
import type { BarChartSpec, VideoFormat, WallChartSpec } from './video';
import type { ClipKey } from './media';
import * as U from './units';

export type EvidencePlan =
  | { kind: 'pdf'; id: string; title: string; file: string; criteria: string[]; date: string; doc: (ctx: DocContext) => DocSpec }
  | { kind: 'video'; id: string; title: string; criteria: string[]; clip: ClipKey; format: VideoFormat; captions: boolean }
  | { kind: 'image'; id: string; title: string; criteria: string[]; image: { type: 'wall'; spec: WallChartSpec } | { type: 'bars'; spec: BarChartSpec } };

export interface PortfolioPlan {
  id: string;
  person: Person;
  credential: string;
  attempt: number;
  resubmissionOf: string | null;
  submittedAt: string;
  tests?: { pre: number; post: number };
  responses: { prompt: string; text: string }[];
  evidence: EvidencePlan[];
}

const pdf = (id: string, title: string, file: string, criteria: string[], date: string, doc: (ctx: DocContext) => DocSpec): EvidencePlan => ({
  kind: 'pdf',
  id,
  title,
  file,
  criteria,
  date,
  doc,
});
const video = (id: string, title: string, clip: ClipKey, format: VideoFormat, criteria: string[], captions = true): EvidencePlan => ({
  kind: 'video',
  id,
  title,
  clip,
  format,
  criteria,
  captions,
});
const wall = (id: string, title: string, criteria: string[], spec: WallChartSpec): EvidencePlan => ({ kind: 'image', id, title, criteria, image: { type: 'wall', spec } });
const bars = (id: string, title: string, criteria: string[], spec: BarChartSpec): EvidencePlan => ({ kind: 'image', id, title, criteria, image: { type: 'bars', spec } });

// ---------------------------------------------------------------------------------------------------------------
// Response prompts (as set by the credential's assessment brief)

const EMP_PROMPTS = {
  relationship: 'Describe the mentoring relationship you established. How did you build trust and keep the focus on learning?',
  conversation: 'Describe a learning-focused conversation you led. What evidence did you use, and what changed as a result?',
  culture: 'How did you draw on Tātaiako, Tapasā or the Code and Standards to make your mentoring culturally responsive?',
  reflection: 'What have you learned about your own mentoring practice, and what will you do next?',
};
const WCL_PROMPTS = {
  inquiry: 'Describe the collaborative inquiry you led: its focus, the team, and why it mattered for learners.',
  trust: 'How did you build relational trust and shared ownership in the team?',
  capability: 'How did you grow leadership capability in others? Give a specific example.',
  impact: 'What evidence shows the impact of the inquiry on teacher practice and learner outcomes?',
};
const CST_PROMPTS = {
  design: 'Describe the learning design you used and the research or theory behind it.',
  agency: 'How did your approach build student agency and connect with learners\' identities, languages and cultures?',
  evidence: 'What evidence of learning did you gather, and what does it show?',
  reflection: 'Critically reflect on the unit: what would you change, and what are your next steps?',
};
const FA_PROMPTS = {
  intentions: 'How did you develop and use learning intentions and success criteria with your students?',
  eliciting: 'Describe how you elicited evidence of learning during lessons and how you responded to it.',
  feedback: 'Give an example of feedback that moved a learner forward, and of students using self- or peer-assessment.',
  results: 'What do your pre- and post-assessment results show, and what will you change?',
};

// ---------------------------------------------------------------------------------------------------------------
// Mentoring records

const AROHA_MENTORING: MentoringPack = {
  mentee: 'Kahu',
  menteeRole: 'provisionally certificated teacher, second year, science',
  agreement: [
    'We meet every second Tuesday for 45 minutes, in Kahu\'s classroom, plus one observation and debrief each half term.',
    'Conversations are confidential. Anything that goes to the professional leader (for certification) is written together and Kahu sees it first.',
    'Kahu sets the agenda; my role is to ask, listen, share evidence and, when asked, share what I do.',
    'We review the agreement at the end of each term and change anything that is not working.',
  ],
  goals: [
    'Increase the number of students who contribute to whole-class discussion, especially Māori students who are quiet in class (Standard: Learning-focused culture).',
    'Use student responses during the lesson to decide what to do next, rather than sticking to the plan (Standard: Teaching).',
    'Build relationships with whānau of students in 9SCI1 by making one positive contact per student in Term 1 (Standard: Te Tiriti o Waitangi partnership).',
  ],
  sessions: [
    ['3 Feb', 'Setting up: agreement, goals, what Kahu wants from mentoring', 'Kahu\'s reflection on Year 1; certification evidence so far', 'Kahu to choose one class for a focus; I to send the Tātaiako competencies summary'],
    ['17 Feb', 'Who talks in 9SCI1?', 'Kahu\'s own tally of who answered over two lessons', 'Try "think, pair, share" before every whole-class question for a week'],
    ['3 Mar', 'Observation debrief (see record)', 'My running record and talk tally; three exit tickets', 'Wait time of 3+ seconds; cold-call with a pair rather than an individual'],
    ['17 Mar', 'Whānau contacts: what did Kahu learn?', 'Kahu\'s contact log (19 of 27 whānau reached)', 'Use what whānau said about students\' interests in the next unit hook'],
    ['31 Mar', 'Responding to evidence mid-lesson', 'Mini-whiteboard photos from Kahu\'s lesson', 'Plan a hinge question and two possible next moves for Thursday'],
    ['14 Apr', 'Review of goals and agreement', 'Second talk tally; Kahu\'s journal', 'Kahu to lead a 10-minute share on talk moves at the department meeting'],
  ],
  conversationTitle: 'debrief after the 3 March observation',
  conversation: [
    ['Aroha', 'Before I share anything, how do you think it went, in relation to the goal we agreed?', 'Open question; mentee first'],
    ['Kahu', 'Better than last week, I think. More people talked. But it was still the same kids at the front.', ''],
    ['Aroha', 'So more voices, but you\'re noticing it\'s still concentrated. Would it help to look at the tally?', 'Paraphrase; offer data'],
    ['Kahu', 'Yes. Oh, 14 of the 22 responses came from 5 students. And none from the back left group.', ''],
    ['Aroha', 'What do you make of that?', 'Probe for interpretation'],
    ['Kahu', 'That\'s where Tamati and Ripeka sit. They\'re really capable. I think they don\'t want to be wrong in front of everyone.', ''],
    ['Aroha', 'That\'s a thoughtful hunch. What might make it safer for them to be wrong?', 'Affirm; coaching question'],
    ['Kahu', 'Maybe if they talk to each other first? Or if I ask the pair, not the person.', ''],
    ['Aroha', 'I tried something like that last year and it helped. Do you want to hear what I did, or work it out first?', 'Offer to shift to consulting stance'],
    ['Kahu', 'Tell me, then I\'ll adapt it.', ''],
  ],
  conversationOutcome:
    'Kahu decided to use pair answers ("what did your pair decide?") and to wait at least three seconds after each question. At the next observation (31 March) 11 of 26 students contributed (up from 7 of 27), including both students from the back left group. Kahu wrote in his journal that "being asked what I noticed first made me trust the data more". This conversation is also the one shown in the debrief clip.',
  observation: {
    date: '2026-03-03',
    lesson: '9SCI1, states of matter (Period 3)',
    focus: 'Who contributes to whole-class discussion, and how long the teacher waits after a question',
    record: [
      ['0-5', 'Greets at the door by name; karakia led by a student; LI on the board.', 'Settle quickly; five students chat at back left.'],
      ['5-12', 'Asks "What happens to particles when ice melts?" Takes an answer after about 1 second.', 'Same student answers (front row). Others copy the LI.'],
      ['12-25', 'Demo with ice and a hot plate; asks three questions, waits 1-2 seconds each.', 'Three answers, all from the front two rows.'],
      ['25-40', 'Think-pair-share on a particle diagram; circulates to four pairs.', 'All pairs talking; back left pair draws a correct diagram but does not share.'],
      ['40-50', 'Calls on volunteers to share; praises effort.', 'Four volunteers; the back left pair does not volunteer.'],
      ['50-55', 'Exit ticket: draw particles in a liquid.', '22 of 27 tickets show the correct arrangement.'],
    ],
    tally: [
      ['Students who contributed aloud', '7 of 27', '5 students made 14 of the 22 contributions'],
      ['Average wait time after a question', 'about 1.5 s', '9 questions timed'],
      ['Questions asked to a pair rather than a person', '0 of 9', 'Think-pair-share was used but sharing was by volunteers'],
    ],
    strengths: [
      'Warm, consistent routines: every student greeted by name and the karakia led by a student.',
      'Think-pair-share got every pair talking, and the exit ticket shows most students understood the particle model.',
    ],
    wonderings: [
      'What would happen to participation if wait time was longer than three seconds?',
      'The back left pair drew a correct diagram but did not share it. What might make sharing safer for them?',
    ],
    nextSteps: [
      'Wait at least three seconds after each question (Kahu will count on his fingers behind his back).',
      'Ask pairs, not individuals: "What did your pair decide?"',
      'Next observation in four weeks using the same tally, so we can compare.',
    ],
    menteeVoice: 'I thought I was giving lots of wait time. Seeing 1.5 seconds on paper was a shock, but a good one.',
  },
};

const HANNAH_MENTORING: MentoringPack = {
  mentee: 'Jess',
  menteeRole: 'first-year teacher of English',
  agreement: [
    'Weekly meeting, Wednesday period 5 (Jess\'s non-contact), 40 minutes; plus a check-in text on Friday.',
    'Jess chooses the focus. I will ask before giving advice, and I will say when I\'m speaking as her mentor rather than her colleague in the department.',
    'What we discuss stays between us unless Jess\'s safety or students\' safety is at risk.',
    'Either of us can ask to change the arrangement at any time.',
  ],
  goals: [
    'Plan lessons for 10ENG4 that keep the class engaged for the full hour, especially after lunch (Standard: Design for learning).',
    'Give written feedback on essays that students act on, without spending every evening marking (Standard: Teaching; wellbeing).',
    'Get to know the eight Pacific students in 10ENG4 as learners and people (Tapasā, Turu 1).',
  ],
  sessions: [
    ['4 Feb', 'Getting to know each other; agreement; how the first week went', 'Jess\'s timetable and class lists', 'Jess to try a "do now" task at the start of period 5'],
    ['11 Feb', 'Period 5 with 10ENG4: what is happening?', 'Jess\'s notes on three lessons', 'Shorten instructions; use a visible timer'],
    ['25 Feb', 'Feedback workload', 'Six marked essays (Jess spent 25 minutes each)', 'Trial "three highlights" feedback and a redraft lesson'],
    ['4 Mar', 'Knowing the Pacific learners in 10ENG4', 'Jess\'s reflections; Tapasā Turu 1 indicators', 'Jess to attend the Pasifika fono and talk to two families'],
    ['18 Mar', 'Redraft lesson: did students act on feedback?', 'Twelve redrafts with Jess\'s highlights', 'Keep the approach; add peer checking against the criteria'],
    ['25 Mar', 'Review of goals', 'Jess\'s journal; student voice survey from 10ENG4', 'New goal for Term 2: questioning in whole-class discussion'],
  ],
  conversationTitle: 'feedback workload (25 February)',
  conversation: [
    ['Hannah', 'You said the marking is taking over your evenings. Tell me about what you do with one essay.', 'Open; invite description'],
    ['Jess', 'I read it twice, correct all the errors and write a paragraph at the end. About 25 minutes each.', ''],
    ['Hannah', 'And what do students do with it when they get it back?', 'Probe the purpose'],
    ['Jess', 'Honestly? Most look at the grade and put it in their bag.', ''],
    ['Hannah', 'So a lot of effort, and not much of it reaches their learning. If the feedback was doing its job, what would you see?', 'Paraphrase; reframe to the goal'],
    ['Jess', 'They\'d fix things. The next essay would be better in the same places.', ''],
    ['Hannah', 'What would need to change for that to happen?', 'Coaching question'],
    ['Jess', 'Less from me, more from them? Maybe I just highlight and they have to work out what\'s wrong.', ''],
    ['Hannah', 'That\'s close to something called "minimal marking". Want me to send you a short article and we try it with one class?', 'Offer resource; collaborate'],
  ],
  conversationOutcome:
    'Jess trialled "three highlights" feedback (one strength, two areas linked to the success criteria) with 10ENG4 and gave a full lesson to redrafting. Her marking time fell to about 8 minutes an essay. Eleven of twelve redrafts I looked at showed students had fixed at least one highlighted area. Jess later shared the approach at a department meeting.',
  observation: {
    date: '2026-03-11',
    lesson: '10ENG4, persuasive writing (Period 5)',
    focus: 'Engagement in the first 15 minutes after lunch',
    record: [
      ['0-3', 'Do-now task on the board; Jess at the door.', 'Most start within two minutes; four students at the back talk.'],
      ['3-8', 'Explains the task with a visible 10-minute timer.', 'Quiet work; one student asks to go to the toilet.'],
      ['8-15', 'Circulates; asks two students to read out their opening line.', 'Students listen; two clap.'],
    ],
    tally: [
      ['Students on task at 5 minutes', '22 of 26', 'Compared with 14 of 26 in Jess\'s own count two weeks ago'],
      ['Length of teacher instructions', '2 min 10 s', 'Was over 6 minutes in her first week'],
    ],
    strengths: ['Do-now routine established; the timer helps students pace themselves.'],
    wonderings: ['What would it look like if students chose which opening line to share?'],
    nextSteps: ['Keep the do-now; add a student-led share at 10 minutes.'],
    menteeVoice: 'Period 5 doesn\'t scare me any more.',
  },
};

const RUBY_MENTORING: MentoringPack = {
  mentee: 'Sam',
  menteeRole: 'provisionally certificated teacher, second year, Health and PE',
  agreement: [
    'Fortnightly mentoring meeting (Monday, 3.30 pm), one observation per term, and a shared online log we both write in.',
    'Sam leads the agenda. I\'ll ask questions first, and share my own practice when Sam asks for it.',
    'Confidential, apart from the certification summary we write together at the end of the year.',
  ],
  goals: [
    'Use questioning in the debrief of practical lessons so students explain how they applied a skill or concept (Standard: Teaching).',
    'Build stronger connections with the Māori and Pacific students in 10PE2, who make up 70% of the class (Standard: Te Tiriti partnership; Tapasā).',
  ],
  sessions: [
    ['2 Jun', 'Agreement and goals', 'Sam\'s appraisal goals; class profile', 'Sam to record two debriefs on his phone'],
    ['16 Jun', 'Listening to the debrief recordings', 'Audio of two debriefs; question count', 'Try "how" and "why" questions; students answer in groups first'],
    ['30 Jun', 'Observation debrief (see record)', 'Running record; question tally', 'Add a "teach-back" where a group demonstrates and explains'],
    ['14 Jul', 'Connecting with whānau and community', 'Sam\'s notes from the Pasifika sports evening', 'Invite a local rugby league coach to co-teach a tactics lesson'],
    ['28 Jul', 'Review', 'Second question tally; student voice', 'Sam\'s next goal: assessment for learning in the NCEA unit'],
  ],
  conversationTitle: 'listening to the debrief recordings (16 June)',
  conversation: [
    ['Ruby', 'We\'ve listened to both recordings. What stands out for you?', 'Open; mentee first'],
    ['Sam', 'I talk a lot. And my questions are all "did you enjoy that?" and "who scored?"', ''],
    ['Ruby', 'You noticed the type of question. What do you want the debrief to do?', 'Paraphrase; probe purpose'],
    ['Sam', 'Get them to explain why the tactic worked. Like, transferring to the open space.', ''],
    ['Ruby', 'What question might get that explanation?', 'Coaching question'],
    ['Sam', '"Why did moving into space help your team?" Maybe let them talk in their teams first, because they won\'t answer in front of everyone.', ''],
    ['Ruby', 'That fits what I know of this group: they\'re much more confident as a team. Shall we count the why-questions next time I observe?', 'Affirm; agree evidence'],
  ],
  conversationOutcome:
    'Sam planned three "why" questions for the next debrief and had teams talk for 30 seconds before answering. In the 30 June observation 9 of his 12 questions were open (2 of 15 in the recordings) and every team gave an explanation.',
  observation: {
    date: '2026-06-30',
    lesson: '10PE2, invasion games: creating and using space (Period 2)',
    focus: 'Types of question in the debrief and who answers',
    record: [
      ['0-10', 'Warm-up led by two students; Sam explains the focus "use space to create scoring chances".', 'All participating; lots of talk in te reo Māori and Samoan between friends.'],
      ['10-35', 'Small-sided games; Sam freezes play twice to ask "where\'s the space?"', 'Students point and move; one team changes formation.'],
      ['35-45', 'Debrief in a circle: asks teams to talk for 30 seconds, then "why did moving into space help?"', 'Each team answers; two students use the words "width" and "depth".'],
      ['45-50', 'Teach-back: one team demonstrates their move and explains it.', 'Other teams ask questions; applause.'],
    ],
    tally: [
      ['Open questions (why/how) in debrief', '9 of 12', 'Was 2 of 15 in the June recordings'],
      ['Teams giving an explanation', '4 of 4', 'After 30 seconds of team talk'],
      ['Students who spoke in the debrief', '14 of 24', 'Up from 5 in the recording'],
    ],
    strengths: ['Freezing play to question in the moment; the team-talk routine before answering.', 'Student-led warm-up builds ownership.'],
    wonderings: ['What would happen if students wrote their own "why" question for the next lesson?'],
    nextSteps: ['Keep team talk before whole-group questions.', 'Try student-generated questions in the next unit.'],
    menteeVoice: 'The team talk made the difference. They had something to say because they\'d already said it to each other.',
  },
};

// ---------------------------------------------------------------------------------------------------------------
// Collaborative inquiries

const TAMA_INQUIRY: InquiryPack = {
  team: 'Years 7-8 teaching team, Waimairi Park School (five teachers)',
  question:
    'If we teach and use "talk moves" in maths problem solving, will our Māori and Pacific ākonga explain their reasoning more often and more fully, and will their problem-solving results improve?',
  rationale:
    'Our end-of-2025 data showed that Years 7-8 students could often get correct answers but could not explain how. In the problem-solving assessment, explanation scores for Māori and Pacific students were on average 1.2 levels lower than for other students, while calculation scores were similar. Student voice told us that many students "don\'t like talking in maths" because they "might be wrong". As a team we wondered whether the gap was about explaining rather than understanding, and whether our own teaching gave students enough chances to talk their way to explanations.',
  baseline: [
    ['Problem-solving assessment (Nov 2025)', 'Explanation scores 1.2 levels lower for Māori and Pacific students', 'The gap is in explaining, not calculating'],
    ['Student voice survey (n = 118)', '61% "rarely" or "never" explain their thinking to the class', 'Students need safer structures for talk'],
    ['Peer observations (10 lessons)', 'Teacher talk 70-80% of lesson time; most questions closed', 'Our practice is part of the picture'],
  ],
  roles: [
    ['Tama Wihongi', 'Team leader; facilitates meetings; coaches co-facilitators'],
    ['Leilani Sapolu', 'Co-facilitator from Term 2; leads the student voice strand'],
    ['Ben Hartley', 'Data lead: collates assessment and talk tallies'],
    ['Mere Tipene', 'Whānau connection: shares inquiry at the whānau hui and brings back feedback'],
    ['Olivia Grant', 'Resource lead: talk-move cards and prompts in te reo Māori and Samoan'],
  ],
  plan: [
    ['Term 1, wk 3-4', 'Scan and focus: look at student work and voice together; agree the question', 'Tama', 'Baseline data summary'],
    ['Term 1, wk 5-6', 'Learn: read about talk moves; watch two lessons from another school', 'Tama, Leilani', 'Meeting notes; reading reflections'],
    ['Term 1, wk 7 - Term 2, wk 6', 'Act: each teacher uses four talk moves in three lessons a week', 'All', 'Talk tallies (fortnightly peer observation)'],
    ['Term 2, wk 3', 'Whānau hui: share what we are trying and ask for whānau ideas', 'Mere', 'Hui notes'],
    ['Term 2, wk 7-8', 'Check: repeat assessment and student voice; looking at student work protocol', 'Ben, Leilani', 'Assessment data; student voice'],
  ],
  norms: [
    'Hard on ideas, soft on people.',
    'We bring student work, not just stories.',
    'Everyone speaks before anyone speaks twice.',
    'What is shared in the team about a colleague\'s lesson stays in the team.',
    'We start and finish on time, with karakia.',
  ],
};

const TAMA_MEETINGS: Meeting[] = [
  {
    date: '2026-02-17',
    title: 'Scanning: what do our students\' explanations look like?',
    present: 'Tama, Leilani, Ben, Mere, Olivia',
    protocol: 'Looking at student work: describe, interpret, implications (45 minutes)',
    notes:
      'Each teacher brought three problem-solving samples from different students. In the describe round we noticed that most correct answers had no working or explanation. In the interpret round Leilani pointed out that the students who did explain had mostly done so in pairs. Ben challenged the idea that Pacific students "are just shy": the data show they explain fully in group tasks. The team agreed the problem might be our whole-class structures rather than the students. Mere asked that we check with whānau how talk works at home.',
    actions: [
      ['Draft inquiry question from today\'s ideas and circulate', 'Tama', '20 Feb'],
      ['Run the student voice survey in all five classes', 'Leilani', '27 Feb'],
      ['Find two readings on talk moves', 'Tama', '24 Feb'],
    ],
  },
  {
    date: '2026-03-10',
    title: 'Learning: talk moves and what we will try',
    present: 'Tama, Leilani, Ben, Mere, Olivia',
    protocol: 'Text-based discussion (4 A\'s: assumptions, agree, argue, aspire)',
    notes:
      'We discussed the Michaels and O\'Connor reading. Olivia argued that "revoicing" could feel like the teacher taking over a student\'s idea, and we agreed to use it alongside "Who can add on?" so students build on each other. We chose four talk moves to use: wait time, turn and talk, "say more", "who can add on?". Olivia offered to make cards in English, te reo Māori and Samoan. Leilani will co-facilitate from now on; she will lead the next meeting\'s student voice discussion.',
    actions: [
      ['Talk-move cards in three languages', 'Olivia', '17 Mar'],
      ['Peer observation timetable (fortnightly, 20 minutes)', 'Ben', '14 Mar'],
      ['Share student voice results', 'Leilani', '24 Mar'],
    ],
  },
  {
    date: '2026-04-07',
    title: 'Checking in: first talk tallies',
    present: 'Tama, Leilani (facilitating), Ben, Mere, Olivia',
    protocol: 'Tuning protocol: Olivia presented a dilemma about students talking off task',
    notes:
      'Leilani facilitated. First tallies show more students contributing in every class (average 9 to 15 of about 27). Olivia presented her dilemma: turn-and-talk was going off task. Warm feedback noted her clear prompts; cool feedback asked whether the prompts were open enough to need talk. She decided to make the talk prompt a "which is better and why?" question. Mere reported from the whānau hui: several parents said their children talk maths at home in Samoan, and suggested allowing that in class.',
    actions: [
      ['Try "which is better and why?" prompts', 'Olivia', '21 Apr'],
      ['Add home-language talk explicitly to our norms for students', 'Mere, Leilani', '14 Apr'],
      ['Second round of tallies', 'Ben', '5 May'],
    ],
  },
];

const AROHA_INQUIRY: InquiryPack = {
  team: 'Science department, Avonside Ridge College (six teachers)',
  question:
    'How can we improve the quality of Year 9-10 students\' written scientific explanations, and close the gap for Māori students, by teaching explanation explicitly across all our classes?',
  rationale:
    'Our 2025 Year 10 common test showed that students did well on recall questions but poorly on "explain" questions, and that the gap between Māori and non-Māori students was largest on explanation (18 percentage points). NCEA Level 1 results the year before showed the same pattern. Every teacher in the department had a different way of teaching explanation, so students met a different set of expectations each year. We wanted a shared approach we could all teach and students would recognise.',
  baseline: [
    ['2025 Year 10 common test', 'Explanation items: 44% average (Māori students 31%)', 'Explanation is where students lose most marks'],
    ['Work sample moderation (30 scripts)', 'Explanations mostly restate the question or describe without a reason', 'Students do not know what an explanation looks like'],
    ['Teacher survey', 'Six different frameworks in use; only two teachers model explanations', 'We are not consistent'],
  ],
  roles: [
    ['Aroha Ngata', 'Head of Science; leads the inquiry and coaches co-leaders'],
    ['Dan Whitford', 'Co-leader (Year 9); develops the explanation framework with students'],
    ['Anahera Parata', 'Co-leader (Year 10); leads the whānau and student voice strand'],
    ['Sue Lin', 'Data lead; runs the moderation of explanation samples'],
    ['Mark Ellis and Hemi Walker', 'Trial teachers; film a lesson each for the team'],
  ],
  plan: [
    ['Term 1, wk 2-4', 'Scan: moderate 30 explanation samples together; agree the problem', 'Aroha', 'Moderation notes'],
    ['Term 1, wk 5-7', 'Develop a shared "claim, evidence, reasoning" framework with a student panel', 'Dan', 'Draft framework and student feedback'],
    ['Term 1, wk 8 - Term 2, wk 8', 'Teach the framework explicitly in every Year 9-10 class, with modelled examples', 'All', 'Lesson plans; peer observations'],
    ['Term 2, wk 4', 'Whānau evening: share the framework and ask how explanation works in te ao Māori', 'Anahera', 'Hui notes'],
    ['Term 2, wk 9', 'Check: common test explanation items; moderate a second sample', 'Sue', 'Test data; moderation'],
  ],
  norms: [
    'We look at student work before we look at each other\'s teaching.',
    'Disagreement is welcome; we say it in the meeting, not the car park.',
    'Every teacher brings evidence from their own class.',
    'Decisions are made together and recorded.',
  ],
};

const AROHA_IMPACT: Impact = {
  measures: [
    ['Year 10 common test, explanation items (all students)', '44%', '63%', '2025 vs 2026 common test, same items'],
    ['Year 10 common test, explanation items (Māori students)', '31%', '57%', 'As above (n = 41 in 2026)'],
    ['Moderated samples using claim, evidence and reasoning', '6 of 30', '22 of 30', 'Department moderation, Term 1 vs Term 2'],
    ['Teachers modelling an explanation at least weekly', '2 of 6', '6 of 6', 'Peer observation schedule'],
    ['Students who can say what makes a good explanation', '23%', '71%', 'Student voice survey, Years 9-10 (n = 212)'],
  ],
  teacherVoice: [
    { text: 'I used to think explanation was something the bright kids just did. Now I teach it, and the kids I least expected are doing it.', by: 'Mark Ellis, science teacher' },
    { text: 'Having the student panel design the framework with us changed how I saw them: they knew exactly what was confusing.', by: 'Dan Whitford, co-leader' },
  ],
  studentVoice: [
    { text: 'Every science teacher uses the same CER thing now, so I don\'t have to work out what each one wants.', by: 'Year 10 student' },
    { text: 'My nan said that when she explains how to lay a hāngī she says what, why and how you know. That is the same as CER.', by: 'Year 9 student, at the whānau evening' },
  ],
  limitations:
    'The 2025 and 2026 cohorts are different students, and the 2026 test was marked by teachers who knew about the inquiry, although we cross-marked a sample of 40 scripts. Part of the gain may come from students being more familiar with the question type. The Māori student gain is encouraging but the group is small (41) and we need another year of data.',
  nextCycle: [
    'Extend the framework to Year 11 and check its fit with NCEA Level 1 "explain" and "discuss" questions.',
    'Anahera and Dan to lead the next cycle, with me as a team member rather than leader.',
    'Invite whānau to co-design a context-based explanation task for Matariki.',
  ],
};

const WEILING_INQUIRY: InquiryPack = {
  team: 'Languages and ESOL professional learning group, Te Aro Central College (seven teachers)',
  question:
    'Will short, structured speaking routines every lesson increase how much Year 9-10 students speak in the target language, and their confidence to do so?',
  rationale:
    'Across French, Spanish, Japanese, Mandarin, te reo Māori and ESOL, teachers had noticed that Year 9-10 students could complete written tasks but rarely spoke the language in class. Our retention into Year 11 languages had fallen for three years, and in exit interviews students said speaking was "scary" and "we never really practised it". Because every language teacher works alone in their subject, we had never planned together; the PLG was a chance to learn from each other across languages.',
  baseline: [
    ['Lesson recordings (7 lessons, 10 min each)', 'Students spoke the target language for an average of 1 min 40 s per 10 minutes', 'Teachers do most of the target-language talking'],
    ['Student confidence survey (n = 164)', '29% "confident" or "very confident" speaking', 'Confidence is low across all languages'],
    ['Retention into Year 11', '38% (2023), 33% (2024), 27% (2025)', 'We are losing students before the senior school'],
  ],
  roles: [
    ['Wei-Ling Chen', 'Head of Languages; convenes the PLG and coaches session leaders'],
    ['Rāwiri Moana (te reo Māori)', 'Leads the routine-design sessions; shares whakatauki-based speaking games'],
    ['Camille Dubois (French)', 'Data lead: coordinates recordings and speaking-time counts'],
    ['Hiroshi Tanaka (Japanese)', 'Student voice lead'],
    ['Sarah Ng (ESOL)', 'Links to ESOL strategies for scaffolding talk'],
  ],
  plan: [
    ['Term 1, wk 4', 'Record and count speaking time in one lesson each', 'Camille', 'Speaking-time baseline'],
    ['Term 1, wk 6-8', 'Design three routines together (warm-up dialogues, speed conversations, "find someone who")', 'Rāwiri', 'Routine cards for each language'],
    ['Term 2, wk 1-8', 'Use one routine every lesson; peer visits across languages', 'All', 'Peer visit notes'],
    ['Term 2, wk 5', 'Student focus groups in each language', 'Hiroshi', 'Focus group notes'],
    ['Term 2, wk 9', 'Repeat recordings, survey and speaking-time count', 'Camille', 'Comparison data'],
  ],
  norms: [
    'We visit each other to learn, not to judge.',
    'Every language is equally important in this group, including te reo Māori and ESOL.',
    'We try things before we decide they won\'t work in our language.',
    'Short meetings, clear actions.',
  ],
};

const WEILING_MEETINGS: Meeting[] = [
  {
    date: '2026-02-24',
    title: 'What does speaking look like in our classrooms?',
    present: 'Wei-Ling, Rāwiri, Camille, Hiroshi, Sarah, Maria (Spanish), Jun (Mandarin)',
    protocol: 'Data carousel: each teacher shares one 10-minute recording and the speaking-time count',
    notes:
      'Camille presented the counts: an average of 1 min 40 s of student target-language speech per 10 minutes. Jun said his Mandarin class was lowest and he felt embarrassed; Rāwiri responded that his te reo Māori class was only a little higher and that the point was to learn together. Sarah explained ESOL "talk frames" and everyone agreed they would work across languages. The group agreed the question, and Rāwiri offered to lead routine design.',
    actions: [
      ['Draft three routines with examples in each language', 'Rāwiri', '10 Mar'],
      ['Student confidence survey to all Year 9-10 language classes', 'Hiroshi', '6 Mar'],
      ['Peer visit roster (each teacher visits two other languages)', 'Wei-Ling', '3 Mar'],
    ],
  },
  {
    date: '2026-03-17',
    title: 'Designing speaking routines',
    present: 'All seven',
    protocol: 'Design sprint led by Rāwiri (20 min ideas, 20 min prototype, 10 min critique)',
    notes:
      'Rāwiri modelled a whakataukī warm-up in which pairs build a dialogue from a proverb. The group designed "speed conversations" with three rotating partners and a sentence frame on the board, and "find someone who". Maria worried the routines would take time from curriculum; the group agreed to keep each routine under eight minutes and to link it to the unit vocabulary. Wei-Ling stepped back from facilitation for this meeting; she noted afterwards that Rāwiri\'s design sprint produced more ideas than her previous meetings.',
    actions: [
      ['Routine cards for all six languages', 'Each teacher for their language', '24 Mar'],
      ['Rāwiri to facilitate the first peer visit debrief', 'Rāwiri', '7 Apr'],
    ],
  },
  {
    date: '2026-05-12',
    title: 'Mid-point check: peer visits and student voice',
    present: 'All seven (Hiroshi facilitating)',
    protocol: 'Consultancy protocol on Maria\'s question: "How do I stop speed conversations becoming English?"',
    notes:
      'Hiroshi shared focus group results: students in every language said the routines made speaking "less scary", and several said they liked hearing mistakes from others. Maria\'s consultancy question generated three ideas: a "language monitor" role, a point for each full exchange in the target language, and shorter rotations. Camille reported early counts: speaking time has roughly doubled in four of six classes recorded so far.',
    actions: [
      ['Trial "language monitor" role in Spanish and Mandarin', 'Maria, Jun', '26 May'],
      ['Final recordings and survey', 'Camille, Hiroshi', '19 Jun'],
    ],
  },
];

// ---------------------------------------------------------------------------------------------------------------
// Portfolios

export const PORTFOLIOS: PortfolioPlan[] = [
  {
    id: 'P-2026-001',
    person: PEOPLE.aroha,
    credential: 'EMP-8',
    attempt: 1,
    resubmissionOf: null,
    submittedAt: '2026-03-09T16:20:00+13:00',
    responses: [
      {
        prompt: EMP_PROMPTS.relationship,
        text: 'Kahu is a second-year teacher in my department, and I had been his informal "go-to" person in his first year. When we started formal mentoring this year I was conscious that I am also his head of department, so our first meeting was about separating those roles. We wrote an agreement together: meetings are Kahu\'s agenda, conversations are confidential, and anything that goes to the professional leader for certification is written together and he sees it first.\n\nThe agreement mattered more than I expected. In our third meeting Kahu told me that he had been nervous about being observed "by the HOD", and that having it in writing that the observation was for him, not for appraisal, made him willing to try things that might not work. We set three goals linked to the Standards, and we revisit them at the start of each meeting. By April, Kahu was bringing his own data (a tally of who talked in his class) to meetings without my asking, which I take as a sign that the focus had shifted from me to his learning.',
      },
      {
        prompt: EMP_PROMPTS.conversation,
        text: 'The debrief after the 3 March observation is recorded in my mentoring log and in the clip. The agreed focus was participation, and I collected low-inference data: a tally of who spoke and a rough wait-time count. I deliberately asked Kahu for his view before I shared anything, then offered the tally. He saw for himself that five students had made 14 of the 22 contributions and that the back left group had said nothing.\n\nThe turning point was when I asked "What might make it safer for them to be wrong?" rather than suggesting a strategy. Kahu came up with asking pairs rather than individuals. I then offered what I had done in a similar situation, with his permission, and he adapted it. At the follow-up observation 11 of 26 students contributed, including both students from the back left group. Looking at the transcript afterwards, I can see that I moved from coaching to consulting at the point Kahu asked for it, which is what the educative mentoring reading describes.',
      },
      {
        prompt: EMP_PROMPTS.culture,
        text: 'Kahu is Pākehā and grew up in rural Canterbury; a third of his 9SCI1 class are Māori. Early on he told me he felt "out of his depth" with te reo Māori and worried about getting things wrong. We used Tātaiako together, focusing on whanaungatanga and manaakitanga, and I shared my own journey as a Māori teacher who learned te reo as an adult. One of his goals became making a positive contact with every whānau in Term 1. His contact log showed what he learned: one student was a champion kapa haka performer, another looked after younger cousins every afternoon. He used these in his unit hook and in how he grouped students.\n\nI also challenged Kahu, gently, when he described two quiet Māori students as "not interested". The observation data showed they had drawn a correct diagram but did not share it. That became the conversation about safety and participation, and I think it shifted his view from a deficit explanation to one about his classroom structures.',
      },
      {
        prompt: EMP_PROMPTS.reflection,
        text: 'My journal shows how often I wanted to fix things for Kahu. In the first two meetings I did most of the talking. Recording the conversation on 3 March and annotating my mentoring moves was uncomfortable but useful: I could see where I asked a genuine question and where I asked a question with an answer already in my head. I am working on waiting longer, the same thing I was asking Kahu to do with his students.\n\nI have also learned that being his head of department creates a power imbalance that an agreement can reduce but not remove. Next term I will ask Kahu to evaluate our mentoring using a short survey, and I want to try having him observe me, so that evidence flows both ways. I would also like to mentor a teacher outside my department, to test whether my practice depends on shared subject knowledge.',
      },
    ],
    evidence: [
      pdf('E1', 'Mentoring log and conversation record', 'mentoring-log.pdf', ['emp-relationship', 'emp-conversations', 'emp-cultural'], '2026-03-06T17:00:00+13:00', (c) =>
        mentoringLog(c, AROHA_MENTORING),
      ),
      pdf('E2', 'Observation and feedback record, 3 March', 'observation-feedback.pdf', ['emp-evidence', 'emp-conversations'], '2026-03-04T16:00:00+13:00', (c) =>
        observationRecord(c, AROHA_MENTORING),
      ),
      video('E3', 'Debrief conversation (clip, with captions)', 'mentoringDebrief', 'webm', ['emp-conversations', 'emp-relationship']),
      pdf('E4', 'Mentoring reflection journal', 'reflection-journal.pdf', ['emp-reflection', 'emp-cultural'], '2026-03-08T20:00:00+13:00', (c) =>
        journal(
          c,
          'Mentoring reflection journal',
          'Kept weekly during Term 1. Extracts selected for this portfolio; Kahu has read and agreed to their inclusion.',
          [
            { date: '2026-02-03', heading: 'First meeting', text: 'I talked for most of the 45 minutes. I was so keen to help that I gave Kahu a list of six things to try. He nodded politely. On the drive home I realised I had not asked him what he wanted. Next time: start with his agenda and count how many questions I ask.' },
            { date: '2026-02-17', heading: 'His data, not mine', text: 'Kahu brought a tally of who answered questions in two lessons. It was rough, but it was his, and he was more curious about it than he would have been about my notes. Lesson for me: data the mentee collects carries more weight than data I bring.' },
            { date: '2026-03-03', heading: 'The "not interested" comment', text: 'Kahu described Tamati and Ripeka as "not interested". I hesitated, then asked what evidence he had. We looked at the observation: they had drawn a correct diagram together. I think he heard the challenge because it came from the data, not from me. Tātaiako\'s "ako" competency was in my head: I was learning how to challenge without shaming.' },
            { date: '2026-03-31', heading: 'Second observation', text: 'Eleven students contributed, including Tamati and Ripeka. Kahu was delighted. I noticed I was too, and that I wanted to take some credit. The change is his. What I can take from it is that asking first, then offering, works better for both of us.' },
          ],
          'Across the term I moved from advising to asking, although I still slip back when I am tired or short of time. The frameworks that helped most were educative mentoring (being clear about when I am coaching and when I am consulting) and Tātaiako, which gave Kahu and me a shared language for the cultural side of his practice. My next step is to get Kahu\'s feedback on my mentoring, formally, and to act on it.',
          {
            describe: 'In the 3 March debrief I asked Kahu for his view first, offered the talk tally, and asked what might make it safer for quiet students to be wrong. He proposed asking pairs rather than individuals, and I shared my own approach only when he asked for it.',
            inform: 'I was drawing on educative mentoring: coaching by default, moving to consulting when the mentee asks. The tally kept the conversation on evidence rather than on my impressions, and Tātaiako (ako, whanaungatanga) gave us a shared language for the cultural side.',
            confront: 'Why did I arrive at the first meeting with six suggestions? Partly habit as head of department, partly my own need to be useful. As his HOD my advice can sound like instruction, and an agreement reduces that power imbalance but does not remove it.',
            reconstruct: 'Ask first and count my own questions; let Kahu\'s data lead. Next term Kahu will evaluate my mentoring with a short survey and observe one of my lessons, so that evidence flows both ways.',
          },
        ),
      ),
    ],
  },
  {
    id: 'P-2026-002',
    person: PEOPLE.sione,
    credential: 'CST-8',
    attempt: 1,
    resubmissionOf: null,
    submittedAt: '2026-03-16T15:45:00+13:00',
    responses: [
      {
        prompt: CST_PROMPTS.design,
        text: 'My unit "Te Manukau: whose stories shape our place?" was designed for the new Aotearoa New Zealand\'s histories curriculum. I used place-based education because my students all live near the harbour and I wanted them to see that history happened here. The unit had five lessons covering the harbour, place names, the land wars and confiscation, Pacific migration, and a final explanation paragraph. I used talanoa in the first lesson because it suits my Pacific students.',
      },
      {
        prompt: CST_PROMPTS.agency,
        text: 'Students shared their own family stories about the harbour in talanoa groups, which made the unit relevant to them. Many of my students are Pacific, like me, and they enjoyed seeing their families\' migration stories as part of New Zealand history. The lesson on place names helped students understand the Māori history of the area. Students were very engaged and said they enjoyed the unit more than other social studies topics.',
      },
    ],
    evidence: [
      pdf('E1', 'Unit plan: Te Manukau, whose stories shape our place?', 'unit-plan.pdf', ['cst-design', 'cst-culture'], '2026-02-02T19:00:00+13:00', (c) => unitPlan(c, U.SOC_MANUKAU)),
      video('E2', 'Talanoa on sources (classroom clip)', 'socialStudiesDiscussion', 'mp4', ['cst-agency', 'cst-culture'], false),
    ],
  },
  {
    id: 'P-2026-003',
    person: PEOPLE.hannah,
    credential: 'EMP-8',
    attempt: 1,
    resubmissionOf: null,
    submittedAt: '2026-03-27T14:05:00+13:00',
    responses: [
      {
        prompt: EMP_PROMPTS.relationship,
        text: 'Jess joined our English department straight from her initial teacher education year. She is capable and hard on herself. In our first meeting I asked what had helped and what had not in her practicum mentoring; she said she had felt "assessed all the time". So we agreed from the start that our meetings were not about judging her, that she would set the agenda, and that I would ask before offering advice. We also agreed I would say explicitly when I was speaking as her mentor and when as a department colleague, because in a small department we wear several hats.\n\nWe meet weekly in her non-contact period and I text on Fridays to ask how the week went. The Friday text was Jess\'s idea. It sounds small, but it has made the relationship feel less formal and means problems come up before they grow.',
      },
      {
        prompt: EMP_PROMPTS.conversation,
        text: 'In February Jess told me she was spending every evening marking. Instead of telling her how I mark, I asked her to walk me through one essay and then asked what students did with her feedback. She answered honestly that most students looked at the grade and put it away. That became the turning point: I asked what she would see if her feedback was working, and she described students fixing things in their next piece.\n\nJess came up with the idea of doing less herself and making students do more, and I connected it to "minimal marking" and sent her a short article. She trialled three highlights per essay and a redraft lesson. Her marking dropped to about eight minutes an essay and eleven of twelve redrafts I looked at showed students had fixed something highlighted. The log shows how we followed this up in two later meetings.',
      },
      {
        prompt: EMP_PROMPTS.reflection,
        text: 'Mentoring Jess has made me examine my own habits. I have taught for fourteen years and I had strong opinions about "what works" that I had to hold back. My journal records several meetings where I caught myself about to give an answer. I have learned that asking "what would you see if this was working?" is one of my most useful questions, because it moves the conversation from problems to goals.\n\nI am less sure that I have done enough on the cultural side. Jess asked for help getting to know the Pacific students in her class, and I pointed her to the fono and Tapasā, but I did not follow it up with evidence of what changed. Next term I want us to look at student voice from her Pacific students together, and I want to read more of Tapasā myself, because I realised I was relying on Jess to do that learning.',
      },
    ],
    evidence: [
      pdf('E1', 'Mentoring log and conversation record', 'mentoring-log.pdf', ['emp-relationship', 'emp-conversations'], '2026-03-25T16:30:00+13:00', (c) => mentoringLog(c, HANNAH_MENTORING)),
      pdf('E2', 'Reflection journal (Term 1)', 'reflection-journal.pdf', ['emp-reflection', 'emp-evidence'], '2026-03-26T21:00:00+13:00', (c) =>
        journal(
          c,
          'Mentoring journal, Term 1',
          'Written after most mentoring meetings. Names other than Jess\'s have been removed.',
          [
            { date: '2026-02-04', heading: 'Setting up', text: 'Jess said her practicum mentor "assessed her all the time". I recognised myself in that description: I have been that mentor. We wrote our agreement together and I promised to ask before advising. I wonder how long I can keep that promise.' },
            { date: '2026-02-11', heading: 'Period 5', text: 'I almost told Jess what I do with my own Year 10s after lunch. Instead I asked what she noticed. She had noticed more than I expected: her instructions were long and students stopped listening after a minute. She decided to shorten them and use a timer. It was her idea, so she followed through.' },
            { date: '2026-02-25', heading: 'Marking', text: 'The conversation about marking went well. Asking "what do students do with it?" shifted everything. I realised I have never asked myself that question about my own marking.' },
            { date: '2026-03-18', heading: 'Looking at redrafts', text: 'We looked at twelve redrafts together. Eleven had fixed at least one highlighted problem. Jess was proud and so was I. I need to remember that evidence like this is more convincing to a new teacher than any advice.' },
          ],
          'The biggest shift in my mentoring this term has been from answering to asking. My gap is the cultural side of Jess\'s practice: I pointed her to resources but I did not model or follow up. I will make that a shared goal in Term 2.',
          {
            describe: 'Jess was spending 25 minutes on each essay and students ignored the feedback. Through questions rather than advice, she designed "three highlights" feedback and a redraft lesson; her marking time fell to about 8 minutes and 11 of 12 redrafts improved.',
            inform: 'Minimal marking, and Wiliam\'s point that feedback should be more work for the recipient than the donor. For my own role I used the Guidelines for Induction and Mentoring\'s description of educative mentoring.',
            confront: 'I have never asked what my own students do with my marking. And on Jess\'s goal about her Pacific learners, I pointed her to Tapasā and the fono but relied on her to do the learning: I did not model it or follow it up.',
            reconstruct: 'Keep asking "what would you see if this was working?". In Term 2 make the cultural goal shared: look at Pacific student voice from 10ENG4 together, and read Tapasā myself before our next meeting on it.',
          },
        ),
      ),
      video('E3', 'Debrief conversation (clip, with captions)', 'mentoringDebrief', 'mp4', ['emp-conversations']),
    ],
  },
  {
    id: 'P-2026-004',
    person: PEOPLE.priya,
    credential: 'FA-8',
    attempt: 1,
    resubmissionOf: null,
    submittedAt: '2026-04-08T15:15:00+12:00',
    tests: { pre: 58, post: 90 },
    responses: [
      {
        prompt: FA_PROMPTS.intentions,
        text: 'At the start of the statistics unit I shared learning intentions but wrote the success criteria with the class rather than for them. In lesson 1 students sorted twelve questions into "investigative" and "not investigative" and the disagreements in that sort became our first criterion: a good question compares two groups and names the variable and population. We built the criteria for describing and comparing distributions the same way, from exemplars that students ranked.\n\nThe criteria stayed on the wall and on every task sheet. By lesson 4 students were using the exact wording in peer feedback, such as "you said the groups are different but not how; use shift or overlap". In the final self-assessment, 19 of 28 students\' traffic lights matched my judgement, up from 11 of 28 at the midpoint, which tells me they were learning to recognise quality for themselves.',
      },
      {
        prompt: FA_PROMPTS.eliciting,
        text: 'The most useful change was planning hinge questions with distractors that each revealed a specific misconception. In lesson 2, before moving on to box plots, I asked which of four dot plots had the greatest spread, using A-D cards so I could see every student\'s answer at once. Only 12 of 28 chose the correct plot; most of the others chose the "tallest" plot, showing they confused frequency with spread.\n\nBecause I had planned for this, I could respond immediately: the 12 moved on to box plots and I took the other 16 for a ten-minute re-teach with counters on a number line. A follow-up question ten minutes later was answered correctly by 24 of 28. Without the hinge question I would have moved on and discovered the problem in the test. I also used mini-whiteboards for quick checks and sorted exit tickets into three piles after each lesson to plan the next one.',
      },
      {
        prompt: FA_PROMPTS.results,
        text: 'The class mean on the pre-test was 58% and on the same test in Week 8 it was 90%. The biggest gains were on comparison questions, which is where most of the formative work happened. Students who started lowest gained most: the bottom third of the class rose from an average of 36% to 81%. I am cautious about the size of the gain, because the post-test was the same test and some improvement will be familiarity, but the draft-to-redraft evidence in the work samples points the same way.\n\nNext time I want to build more hinge questions into the earlier lessons on questions and data collection, where I still relied on hands-up questioning. I also want to teach self-assessment more explicitly from the start, because students\' accuracy only improved once we started calibrating against exemplars.',
      },
    ],
    evidence: [
      pdf('E1', 'Lesson sequence with learning intentions and success criteria', 'lesson-plan.pdf', ['fa-intentions', 'fa-eliciting'], '2026-02-20T18:00:00+13:00', (c) => unitPlan(c, U.MATHS_STATS)),
      pdf('E2', 'Student work: drafts, feedback and peer assessment', 'student-work.pdf', ['fa-feedback', 'fa-ownership'], '2026-04-02T17:30:00+13:00', (c) => studentWork(c, U.MATHS_STATS)),
      bars('E3', 'Pre- and post-test results by group', ['fa-eliciting'], {
        id: 'results-9mat2',
        heading: 'Pre- and post-test: statistical investigation',
        subtitle: '9MAT2, same 25-mark test in Week 1 and Week 8, mean % (n = 28)',
        legend: ['Pre-test (Week 1)', 'Post-test (Week 8)'],
        groups: [
          { label: 'Bottom third', a: 36, b: 81 },
          { label: 'Middle third', a: 60, b: 92 },
          { label: 'Top third', a: 79, b: 97 },
          { label: 'Whole class', a: 58, b: 90 },
        ],
      }),
      video('E4', 'Hinge question with ABCD cards (classroom clip)', 'mathsThinkPairShare', 'webm', ['fa-eliciting'], false),
    ],
  },
  {
    id: 'P-2026-005',
    person: PEOPLE.tama,
    credential: 'WCL-8',
    attempt: 1,
    resubmissionOf: null,
    submittedAt: '2026-04-20T15:50:00+12:00',
    responses: [
      {
        prompt: WCL_PROMPTS.inquiry,
        text: 'Our Years 7-8 team of five teachers inquired into whether teaching "talk moves" in maths problem solving would help our Māori and Pacific ākonga explain their reasoning. The focus came from our own data: in the 2025 problem-solving assessment, Māori and Pacific students\' calculation scores were similar to others\', but their explanation scores were 1.2 levels lower. In our first meeting we looked at student work together using a describe-interpret-implications protocol, and it was Ben, not me, who pushed back on the idea that Pacific students "are just shy". That moment reframed the inquiry: the problem was our classroom structures, not the students.\n\nWe followed a spiral of inquiry: scanning with student work and voice, agreeing a focus, learning about talk moves together, acting in every class and checking with tallies and a repeat assessment.',
      },
      {
        prompt: WCL_PROMPTS.trust,
        text: 'Our team had worked together for two years but had never observed each other. I knew that asking people to share video of their maths lessons would feel risky, so we started with student work rather than teaching, and agreed norms in the first meeting, including "hard on ideas, soft on people" and "what is shared about a colleague\'s lesson stays in the team". We open and close with karakia and we start on time, which sounds minor but signals respect for people\'s time.\n\nThe tuning protocol in April was the real test. Olivia brought a dilemma about turn-and-talk going off task. The feedback was honest (were her prompts open enough to need talk?) and she said afterwards it was the most useful meeting she had been to. I think trust grew because the challenge was about the work, and because I went first: I shared my own lesson recording with the lowest talk tally in the team.',
      },
      {
        prompt: WCL_PROMPTS.capability,
        text: 'From the second meeting Leilani co-facilitated, and by the third she was leading the meeting while I participated. I met with her before each session to plan the protocol and afterwards to debrief what she noticed, and I deliberately stayed quiet in the meeting unless she asked me to step in. Ben took the data lead, which he had never done before; he now presents our data at syndicate meetings. Mere, who has strong connections with local whānau, led the whānau hui strand and brought back the suggestion that students be allowed to talk maths in their home languages, which we adopted.',
      },
      {
        prompt: WCL_PROMPTS.impact,
        text: 'It is early, but the first two rounds of talk tallies show the average number of students contributing in a problem-solving lesson rising from 9 to 15 (of about 27) across the five classes, and the proportion of teacher talk falling in every peer observation. The wall chart in my evidence shows what we noticed, tried and changed. The repeat problem-solving assessment happens at the end of Term 2, so I cannot yet show learner outcomes. I have included the plan and meeting notes as evidence of the process, and I will add the assessment results when I have them.',
      },
    ],
    evidence: [
      pdf('E1', 'Collaborative inquiry plan', 'inquiry-plan.pdf', ['wcl-inquiry', 'wcl-capability'], '2026-02-20T16:00:00+13:00', (c) => inquiryPlan(c, TAMA_INQUIRY)),
      pdf('E2', 'Inquiry meeting notes (three meetings)', 'meeting-notes.pdf', ['wcl-trust', 'wcl-capability', 'wcl-inquiry'], '2026-04-10T16:00:00+12:00', (c) =>
        meetingNotes(c, TAMA_INQUIRY, TAMA_MEETINGS),
      ),
      wall('E3', 'Photo: our inquiry wall in the team room', ['wcl-inquiry', 'wcl-impact'], {
        id: 'inquiry-wall-waimairi',
        heading: 'Talk moves inquiry, Years 7-8',
        paper: '0xf3efe4',
        seed: 3,
        footnote: 'Updated 7 April: second tallies due 5 May',
        columns: [
          { title: 'What we noticed', notes: ['Right answers, no explanations', '61% rarely explain to the class', 'Teacher talk 70-80% of lessons', 'Explain in pairs, not to the class'] },
          { title: 'What we tried', notes: ['Wait time of 3+ seconds', 'Turn and talk first', '"Say more" and "Who can add on?"', 'Home-language talk welcome'] },
          { title: 'What changed', notes: ['9 to 15 students contributing', 'Less teacher talk in every class', 'Which is better and why? prompts'] },
        ],
      }),
      video('E4', 'Team meeting: looking at student work (clip)', 'staffWorkshop', 'webm', ['wcl-trust'], false),
    ],
  },
  {
    id: 'P-2026-006',
    person: PEOPLE.aroha,
    credential: 'WCL-8',
    attempt: 1,
    resubmissionOf: null,
    submittedAt: '2026-05-11T14:30:00+12:00',
    responses: [
      {
        prompt: WCL_PROMPTS.inquiry,
        text: 'As head of science I led a department inquiry into the quality of Year 9-10 students\' written scientific explanations. The 2025 common test showed explanation items were where students lost most marks, and the gap between Māori and non-Māori students was 18 percentage points on those items. When we moderated 30 scripts together, the problem became concrete: most "explanations" restated the question. We also discovered that the six of us were teaching six different frameworks.\n\nOur question was how to improve explanations by teaching them explicitly and consistently. A student panel helped us design a shared claim-evidence-reasoning framework, every teacher taught it with modelled examples, and we checked progress with peer observation, a second moderation and the common test.',
      },
      {
        prompt: WCL_PROMPTS.capability,
        text: 'I wanted this inquiry to outlast my leadership, so I asked Dan (Year 9) and Anahera (Year 10) to co-lead from the start. Dan, who had not led anything beyond his own classes, ran the student panel that designed the framework. I coached him before the first session, and afterwards we looked at the panel\'s feedback together; by the third session he was planning on his own. Anahera led the whānau evening, where a student\'s grandmother explained how she describes laying a hāngī and the students noticed it followed claim, evidence and reasoning. That story is now part of how we introduce the framework. For the next cycle Dan and Anahera will lead and I will be a team member, which is the clearest sign I can offer that leadership has been shared.',
      },
      {
        prompt: WCL_PROMPTS.impact,
        text: 'On the same explanation items in the Year 10 common test, the average rose from 44% (2025 cohort) to 63% (2026 cohort); for Māori students it rose from 31% to 57%. In the second moderation 22 of 30 scripts used claim, evidence and reasoning, compared with 6 of 30 in Term 1. Every teacher now models an explanation at least weekly. The impact summary sets out these measures and also their limitations: different cohorts, teacher marking, and a small group of Māori students. We cross-marked 40 scripts to check consistency. The student voice ("I don\'t have to work out what each teacher wants") tells me the consistency itself has helped students.',
      },
    ],
    evidence: [
      pdf('E1', 'Collaborative inquiry plan', 'inquiry-plan.pdf', ['wcl-inquiry', 'wcl-trust', 'wcl-capability'], '2026-02-10T16:00:00+13:00', (c) => inquiryPlan(c, AROHA_INQUIRY)),
      pdf('E2', 'Impact summary', 'impact-summary.pdf', ['wcl-impact'], '2026-05-08T16:30:00+12:00', (c) => impactSummary(c, AROHA_INQUIRY, AROHA_IMPACT)),
      wall('E3', 'Photo: the explanation framework wall in the science block', ['wcl-inquiry', 'wcl-impact'], {
        id: 'inquiry-wall-avonside',
        heading: 'Claim, evidence, reasoning: Years 9-10',
        paper: '0xf1f4ee',
        seed: 8,
        footnote: 'Co-designed with our Year 9-10 student panel',
        columns: [
          { title: 'Claim', notes: ['Answer the question in one sentence', 'Say what happens, not just "it changes"'] },
          { title: 'Evidence', notes: ['Use our results, with units', 'At least two numbers', 'Say where the data came from'] },
          { title: 'Reasoning', notes: ['Use a science idea (particles, energy)', 'Connect the evidence to the claim', 'What, why, how you know (from a nan at the whānau evening)'] },
        ],
      }),
    ],
  },
  {
    id: 'P-2026-007',
    person: PEOPLE.mele,
    credential: 'FA-8',
    attempt: 1,
    resubmissionOf: null,
    submittedAt: '2026-05-22T20:10:00+12:00',
    tests: { pre: 47, post: 71 },
    responses: [
      {
        prompt: FA_PROMPTS.intentions,
        text: 'My students are confident speakers in church, sport and family settings, but in English they told me they "can\'t write essays" and didn\'t know what a good speech looked like until it was marked. So in the first lesson we watched three speeches (a Pacific leader, a student from last year and a famous historical speech), ranked them, and turned the reasons into success criteria in the students\' own words. Tevita said the best speech "tells a story first, like at a funeral". That became part of our first criterion about the hook.\n\nBecause the criteria came from them, students referred to them constantly: in peer feedback, in their annotated technique tables and in the rehearsal circles.',
      },
      {
        prompt: FA_PROMPTS.feedback,
        text: 'Tevita\'s draft opening was "Today I am going to talk about why we need more Pacific teachers." His peer group told him to "start with a story, like you do at youth group", and my written comment asked him to show the audience why it mattered to him. His redraft opened with a teacher mispronouncing his name for a whole year, and ended with "every student deserves at least one teacher who can say their name the way their grandmother does". That redraft is in my evidence.\n\nPeer feedback worked best in triads with a frame: "You said..., I felt..., try...". I modelled it first, and I collected the feedback sheets to check they were specific. Twenty of 24 students acted on at least one peer comment in their redraft. Pairs were less productive than triads; with three, there was usually one person willing to be honest.',
      },
      {
        prompt: FA_PROMPTS.results,
        text: 'On the unseen speech-analysis test the class mean rose from 47% to 71%. The biggest change was in explaining the effect of techniques rather than just naming them, which was the focus of my hinge questions. For Pacific students the mean rose from 44% to 70%, so the gap with the class average narrowed. I will know more when the speech assessments are moderated. What I will change: I want to use hinge questions earlier in the unit, and to give students more time to respond to feedback in class rather than as homework, because the students who redrafted at home did so less thoroughly.',
      },
    ],
    evidence: [
      pdf('E1', 'Unit plan with co-constructed success criteria', 'lesson-plan.pdf', ['fa-intentions', 'fa-eliciting'], '2026-04-28T19:00:00+12:00', (c) => unitPlan(c, U.ENG_PERSUASIVE)),
      pdf('E2', 'Student drafts, peer feedback and redrafts', 'student-work.pdf', ['fa-feedback', 'fa-ownership'], '2026-05-20T19:00:00+12:00', (c) => studentWork(c, U.ENG_PERSUASIVE)),
      bars('E3', 'Pre- and post-test results', ['fa-eliciting', 'fa-feedback'], {
        id: 'results-11eng1',
        heading: 'Speech analysis: pre- and post-test',
        subtitle: '11ENG1, unseen extract, 30 marks, mean % (n = 24)',
        legend: ['Pre-test (Week 1)', 'Post-test (Week 6)'],
        groups: [
          { label: 'Pacific', a: 44, b: 70 },
          { label: 'Māori', a: 46, b: 69 },
          { label: 'Other', a: 53, b: 75 },
          { label: 'Whole class', a: 47, b: 71 },
        ],
      }),
    ],
  },
  {
    id: 'P-2026-008',
    person: PEOPLE.james,
    credential: 'CST-8',
    attempt: 1,
    resubmissionOf: null,
    submittedAt: '2026-06-03T17:25:00+12:00',
    tests: { pre: 62, post: 78 },
    responses: [
      {
        prompt: CST_PROMPTS.design,
        text: 'My Year 12 digital technologies students used to produce polished outcomes with thin evidence of iteration: they built, then wrote about building. This year I redesigned the unit around real clients (the library, the marae committee, the sports department and a local café) and borrowed practices from agile development: weekly sprints, user stories and retrospectives. The design draws on research into authentic learning, which suggests real stakes improve the quality of reflection, and on Kapur\'s productive failure: in week 1 groups built paper prototypes before any instruction on usability heuristics, then critiqued them once they had the heuristics.\n\nI chose this over a more traditional "teach the heuristics, then design" sequence because last year\'s students applied heuristics as a checklist at the end. Struggling first made the heuristics meaningful.',
      },
      {
        prompt: CST_PROMPTS.agency,
        text: 'Each group chose a client and negotiated the brief with them, and students planned their own sprints on a shared board. The marae committee group was the most striking: two students who rarely spoke in class led the interview with the committee chair in te reo Māori and English, and designed a booking system for the wharekai that reflected tikanga the committee explained to them. Students also decided how to test and with whom. My role shifted to coaching at sprint reviews. Student voice at the end of the unit showed 15 of 19 felt they "owned" their project, compared with 6 of 21 in last year\'s class.',
      },
      {
        prompt: CST_PROMPTS.reflection,
        text: 'The unit worked better for iteration than anything I have tried, but not equally for everyone. Two groups did not test with real users until sprint 3 because they fell behind, and testing was the first thing they cut. In the next version I will book testers at the start of each sprint. Decision logs improved dramatically (14 of 19 students citing heuristics or user evidence by week 4, against 3 of 19 in week 1) but my pre- and post-quiz shows a smaller gain in conceptual understanding (62% to 78%) than I expected. I think students learned to do iterative design more than to talk about it, which matters for NCEA, so I will add short explicit-teaching segments on the concepts. I also want to track whether the four girls in the class, who were all in mixed groups, had equal say in design decisions: my observations suggest not always.',
      },
    ],
    evidence: [
      pdf('E1', 'Unit plan: designing for a real client', 'unit-plan.pdf', ['cst-design', 'cst-agency'], '2026-04-20T18:00:00+12:00', (c) => unitPlan(c, U.DIGITECH)),
      pdf('E2', 'Student decision logs and testing notes', 'student-work.pdf', ['cst-assessment', 'cst-agency'], '2026-05-29T17:00:00+12:00', (c) => studentWork(c, U.DIGITECH)),
      pdf('E3', 'Teaching journal', 'reflection-journal.pdf', ['cst-reflection'], '2026-06-01T21:00:00+12:00', (c) =>
        journal(
          c,
          'Teaching journal: iterative prototyping unit',
          'Weekly entries, written on Friday afternoons after sprint reviews.',
          [
            { date: '2026-05-01', heading: 'Paper prototypes', text: 'Twenty-five minutes of chaos. Most groups drew beautiful screens and no navigation. When I introduced the heuristics afterwards, Nikau said "oh, that\'s why nobody could find the back button". Productive failure felt risky but that sentence made it worth it.' },
            { date: '2026-05-08', heading: 'Clients are the best teachers', text: 'The librarian told the booking-app group that students book rooms on their phones between classes. No amount of me saying "think about your users" would have had the same effect. The group rebuilt the home screen the same afternoon.' },
            { date: '2026-05-15', heading: 'Who gets cut', text: 'Two groups are behind and both dropped user testing. The process I designed makes testing easy to skip when time is short. Next year, book testers at the start of the sprint.' },
            { date: '2026-05-29', heading: 'Quiz results', text: 'The post-quiz gain is smaller than I hoped. Students can do iteration but some cannot explain the concepts. Am I assessing the right thing? Both matter for NCEA. I will add ten-minute explicit segments next time.' },
          ],
          'The biggest shift was in who did the thinking: students made decisions and defended them to clients. My next steps are to protect testing time, teach concepts explicitly alongside the project, and look more carefully at group dynamics.',
          {
            describe: 'Real clients, weekly sprints and a deliberate productive-failure start. Decision logs improved (14 of 19 citing heuristics or user evidence by week 4), two groups skipped user testing, and the concept quiz gain (62% to 78%) was smaller than I expected.',
            inform: 'Research on authentic learning and Kapur\'s productive failure shaped the design; agile retrospectives gave students a routine for reviewing their process. The quiz measures concepts while the project measures practice, and NCEA needs both.',
            confront: 'I designed a process in which testing is the easiest thing to cut under time pressure, and I assumed that doing would produce understanding. I also did not watch closely who made design decisions in the mixed groups.',
            reconstruct: 'Book testers at sprint planning; add ten-minute explicit segments on concepts; rotate the "decision owner" role and tally who speaks at sprint reviews, paying particular attention to the four girls in the class.',
          },
        ),
      ),
      video('E4', 'User testing with a client (classroom clip, captions)', 'digitechPrototyping', 'mp4', ['cst-agency', 'cst-assessment']),
      wall('E5', 'Photo: sprint board for the library group', ['cst-agency'], {
        id: 'sprint-board-12dtg',
        heading: 'Sprint 3 board: library room booking app',
        paper: '0xeef2f5',
        seed: 5,
        footnote: 'Sprint review with the librarian: Friday',
        columns: [
          { title: 'To do', notes: ['Retest booking button with 5 users', 'Accessibility check (screen reader)', 'Confirmation email'] },
          { title: 'Doing', notes: ['Room availability view', 'Fix login on phones'] },
          { title: 'Done', notes: ['Booking button moved to top', 'User stories agreed with librarian', 'Paper prototype v2'] },
        ],
      }),
    ],
  },
  {
    id: 'P-2026-009',
    person: PEOPLE.weiling,
    credential: 'WCL-8',
    attempt: 1,
    resubmissionOf: null,
    submittedAt: '2026-06-15T12:40:00+12:00',
    responses: [
      {
        prompt: WCL_PROMPTS.inquiry,
        text: 'I convened a professional learning group of seven teachers across French, Spanish, Japanese, Mandarin, te reo Māori and ESOL. Every language teacher at our school works alone in their subject, and we had never planned together. Our question was whether short, structured speaking routines every lesson would increase how much Year 9-10 students speak in the target language. We started by recording ten minutes of one lesson each and counting student target-language speech: an average of 1 minute 40 seconds per 10 minutes. Retention into Year 11 had fallen from 38% to 27% in three years, and students told us speaking was "scary".',
      },
      {
        prompt: WCL_PROMPTS.trust,
        text: 'The first meeting could have gone badly. Jun\'s Mandarin class had the lowest count and he said he was embarrassed. Before I could respond, Rāwiri said his te reo Māori class was only a little higher and that we were there to learn together. That set the tone. We agreed norms including "we visit each other to learn, not to judge" and "every language is equally important in this group, including te reo Māori and ESOL". The second norm mattered because te reo Māori and ESOL teachers had told me they sometimes felt outside the "languages department". Peer visits across languages built trust: you cannot judge a lesson you cannot understand, so visitors focused on what students did.',
      },
      {
        prompt: WCL_PROMPTS.capability,
        text: 'I deliberately handed facilitation to others. Rāwiri led the routine-design sessions using a design sprint; I stepped back completely, and noted afterwards that his session produced more ideas than any meeting I had run. Hiroshi facilitated the mid-point check using a consultancy protocol, which he had never used before; I met him beforehand to walk through it. Camille took on the data role. By Term 2 the group was running without me at the centre, and Rāwiri has been asked to run the design sprint with the social sciences faculty.',
      },
    ],
    evidence: [
      pdf('E1', 'Collaborative inquiry plan', 'inquiry-plan.pdf', ['wcl-inquiry', 'wcl-trust'], '2026-03-02T16:00:00+13:00', (c) => inquiryPlan(c, WEILING_INQUIRY)),
      pdf('E2', 'PLG meeting notes', 'meeting-notes.pdf', ['wcl-trust', 'wcl-capability'], '2026-05-14T16:00:00+12:00', (c) => meetingNotes(c, WEILING_INQUIRY, WEILING_MEETINGS)),
      video('E3', 'PLG design sprint (clip)', 'staffWorkshop', 'mp4', ['wcl-capability', 'wcl-trust'], false),
    ],
  },
  {
    id: 'P-2026-010',
    person: PEOPLE.grace,
    credential: 'FA-8',
    attempt: 1,
    resubmissionOf: null,
    submittedAt: '2026-06-26T21:30:00+12:00',
    responses: [
      {
        prompt: FA_PROMPTS.intentions,
        text: 'I wrote the learning intention on the board at the start of each lesson and read it out to the class. The success criteria were on the worksheet so students knew what they needed to do. For example, in lesson 2 the intention was "We are learning to write a rule for a linear pattern" and the success criteria were to write a rule in words and with symbols. Students said it helped them know what the lesson was about.',
      },
      {
        prompt: FA_PROMPTS.eliciting,
        text: 'I used exit tickets at the end of every lesson to check understanding. I marked them right or wrong and used them to decide who needed help. I also walked around during the lesson to see how students were going with the worksheet and helped students who were stuck. At the end of the unit the students did a test, and most of them improved from the pre-test.',
      },
    ],
    evidence: [
      pdf('E1', 'Lesson plans: patterns and linear relationships', 'lesson-plan.pdf', ['fa-intentions'], '2026-05-04T19:30:00+12:00', (c) => unitPlan(c, U.MATHS_PATTERNS)),
      pdf('E2', 'Student work samples', 'student-work.pdf', ['fa-feedback'], '2026-06-24T20:00:00+12:00', (c) => studentWork(c, U.MATHS_PATTERNS)),
    ],
  },
  {
    id: 'P-2026-011',
    person: PEOPLE.sione,
    credential: 'CST-8',
    attempt: 2,
    resubmissionOf: 'P-2026-002',
    submittedAt: '2026-07-13T16:05:00+12:00',
    tests: { pre: 51, post: 74 },
    responses: [
      {
        prompt: 'Summarise how this resubmission responds to the assessor\'s feedback on your first attempt.',
        text: 'The feedback on my first submission said my unit was strong on content and culturally grounded, but that I had not shown student agency beyond engagement, had not shown evidence of what students learned, and had described rather than reflected. I agreed with it. Looking back, my first portfolio told the assessor my students "enjoyed" the unit without showing what they could do at the end that they could not do at the start.\n\nI retaught the unit in Term 2 with a new class and made three changes: students co-constructed the success criteria from exemplars and chose their final question; I used the same explanation rubric for a baseline paragraph in lesson 1 and the final paragraph in lesson 6; and I kept a journal through the unit. I also added a community hui with a kaumātua and Tongan grandparents, which came from my students\' questions.',
      },
      {
        prompt: CST_PROMPTS.agency,
        text: 'In lesson 3 students ranked three anonymous paragraphs from last term and turned their reasons into our success criteria, in their own words: "uses at least two sources", "says whose voice is missing". They then self-assessed their baseline paragraph against the criteria and set a goal. For the final explanation they chose one of three questions, and one option was about a current issue (Ihumātao or harbour water quality).\n\nThe hui was the strongest part. Students planned the questions, led the mihi and interviewed our guests. Losaline, whose family came from Tonga in 1974, wrote about fishing from the same wharf that mana whenua had fished from before confiscation. She read her paragraph to the kaumātua at a follow-up visit. For my Pacific students, talanoa groups and the grandparents\' stories meant they saw themselves in the history; for my Māori students, having a kaumātua in the room as the expert mattered more than anything I could teach.',
      },
      {
        prompt: CST_PROMPTS.evidence,
        text: 'On the four-level explanation rubric, 6 of 28 students reached level 3 or 4 in the baseline paragraph and 19 of 28 in the final paragraph. As percentages of the rubric total, the class mean went from 51% to 74%. Pacific students (13 in this class) moved from 49% to 75% and Māori students (8) from 50% to 72%. The work samples show three students at different levels, including Ana, who did not improve; she missed the jigsaw lesson and the hui, and her case shows that the gains depended on those lessons. The hinge question in lesson 4 also changed my teaching: 9 students chose the proclamation without justification, so I regrouped them for a follow-up before moving on.\n\nA limitation is that I marked both paragraphs myself; a colleague cross-marked ten of each and agreed with 17 of my 20 judgements.',
      },
      {
        prompt: CST_PROMPTS.reflection,
        text: 'My first attempt assumed that a culturally connected topic would be enough. What I learned is that connection and agency are different things: students can love a topic and still be passengers. The co-constructed criteria gave them the steering wheel. My journal shows how uncomfortable it was to let students choose the question; I worried that some would choose the "easy" one, and a few did, but their paragraphs were still stronger than their baselines.\n\nNext, I want to build the "whose voice is missing?" routine into every lesson, because only 13 of 28 could identify a missing perspective by the end. I also want to work with our department to make the hui a regular part of Year 10, with the marae and our Pasifika families as partners rather than guests. And I need a plan for students who miss key lessons, like Ana.',
      },
    ],
    evidence: [
      pdf('E1', 'Revised unit plan (Term 2)', 'unit-plan-revised.pdf', ['cst-design', 'cst-agency', 'cst-culture'], '2026-04-27T19:00:00+12:00', (c) =>
        unitPlan(c, U.SOC_MANUKAU_REVISED, {
          summary:
            'This plan revises the Term 1 unit submitted in P-2026-002 in response to assessor feedback on student agency, evidence of learning and reflection.',
          changes: [
            'Success criteria co-constructed from exemplars (lesson 3) and used for self- and peer-assessment.',
            'Baseline and final paragraphs assessed with the same explanation rubric.',
            'Students choose their final question; one option focuses on a current issue.',
            'A community hui with a kaumātua and Tongan grandparents, planned with students.',
            'A hinge question in lesson 4 to check source analysis before moving on.',
          ],
        }),
      ),
      pdf('E2', 'Student work: baseline and final paragraphs', 'student-work.pdf', ['cst-assessment', 'cst-agency', 'cst-culture'], '2026-07-08T18:00:00+12:00', (c) =>
        studentWork(c, U.SOC_MANUKAU_REVISED),
      ),
      pdf('E3', 'Reflective journal, Term 2', 'reflection-journal.pdf', ['cst-reflection', 'cst-assessment'], '2026-07-10T20:30:00+12:00', (c) =>
        journal(
          c,
          'Reflective journal: Te Manukau (retaught)',
          'Entries written after key lessons during Term 2. I started the journal because the assessor\'s feedback said my first reflection was descriptive.',
          [
            { date: '2026-04-29', heading: 'Baseline paragraphs', text: 'Only 6 of 28 reached level 3. Most students wrote what happened, not why it matters or how we know. In Term 1 I would not have known this until the end. Having the baseline changes how I see the next five lessons: I now know exactly what I am teaching towards.' },
            { date: '2026-05-06', heading: 'Letting them write the criteria', text: 'I was nervous. The ranking activity went long and one group ranked the longest paragraph first "because it has more". But when we discussed it, another group argued the short one was better because "it says where the information came from". The criteria we ended with are better than mine were: "say whose voice is missing" was theirs.' },
            { date: '2026-05-13', heading: 'Hinge question', text: 'Nine students chose the proclamation as the best source for understanding why people defended their kāinga, without justification. Last term I would have moved on. I took them to the back table for ten minutes and we read the iwi account again. Seven changed their answer with a reason.' },
            { date: '2026-05-20', heading: 'The hui', text: 'The kaumātua spoke about fishing. Losaline\'s grandmother spoke about arriving in Ōtāhuhu in 1974. My students asked better questions than I would have. Kaleb, who says almost nothing in class, asked the kaumātua if the harbour "remembers". I do not have a rubric for that, and I do not think I need one.' },
            { date: '2026-06-03', heading: 'Final paragraphs', text: '19 of 28 at level 3 or above. Ana did not improve: she missed the jigsaw and the hui. That tells me which lessons did the work, and that I need a catch-up plan for students who miss them.' },
          ],
          'Comparing my two attempts, the difference is not the topic but who made the decisions and how I knew what students learned. I want the rest of my department to try the baseline-and-final approach with the same rubric.',
          {
            describe: 'I retaught the unit with co-constructed success criteria, a baseline and final paragraph marked on the same rubric, a hinge question and a community hui. Nineteen of 28 students reached level 3 or 4, compared with 6 at baseline.',
            inform: 'Te Kotahitanga\'s relational pedagogy and co-construction, Seixas\' historical thinking concepts, and talanoa. The assessor\'s feedback named agency and evidence of learning as the gaps in my first attempt.',
            confront: 'In my first attempt I assumed that a topic about my students\' lives was the same thing as agency. I also held on to the decisions because I was worried about coverage and about losing control of the class.',
            reconstruct: 'Baseline and final tasks in every unit; a "whose voice is missing?" routine every lesson; a catch-up plan for students who miss key lessons; and the hui as a Year 10 fixture, planned with the marae and our Pasifika families as partners.',
          },
        ),
      ),
      video('E4', 'Talanoa on sources (classroom clip, captions)', 'socialStudiesDiscussion', 'mp4', ['cst-agency', 'cst-culture']),
    ],
  },
  {
    id: 'P-2026-012',
    person: PEOPLE.ruby,
    credential: 'EMP-8',
    attempt: 1,
    resubmissionOf: null,
    submittedAt: '2026-07-29T15:15:00+12:00',
    responses: [
      {
        prompt: EMP_PROMPTS.relationship,
        text: 'Sam is in his second year teaching Health and PE. We already knew each other from coaching the school netball team together, so the risk was that mentoring would slip into friendly chat. In our first meeting we talked about that openly and agreed that mentoring time was for his goals, that we would keep a shared online log we both write in, and that Sam would lead the agenda. I also told him that I would ask questions first and only share my own practice when he asked; he laughed and said he would hold me to it, and he has.',
      },
      {
        prompt: EMP_PROMPTS.culture,
        text: 'Seventy percent of Sam\'s 10PE2 class are Māori or Pacific, and Sam, who is Pākehā, told me he felt the students "liked him but didn\'t open up". We used Tapasā and Tātaiako to think about what the students bring. In the observation I noticed students talking in te reo Māori and Samoan during the warm-up, and how much more they spoke in their teams than in front of the whole class. We connected this to the collective identities many of the students have, and Sam decided to have teams talk together before any whole-group question. He also went to the Pasifika sports evening and invited a local rugby league coach, who is a parent at the school, to co-teach a tactics lesson. The debrief that followed was the liveliest of the term.',
      },
      {
        prompt: EMP_PROMPTS.reflection,
        text: 'Listening to recordings with Sam taught me as much as it taught him. I heard my own habit of answering my own questions when there is a silence. I have learned to count to five. I have also learned that data Sam collects himself (the question count from his recordings) is more powerful than anything I observe. Next time I mentor, I will set up the evidence-gathering with the mentee from the first meeting. I also want to get better at challenge: Sam and I get on well and I think I was too gentle about his early debriefs.',
      },
    ],
    evidence: [
      pdf('E1', 'Mentoring log and conversation record', 'mentoring-log.pdf', ['emp-relationship', 'emp-conversations', 'emp-cultural'], '2026-07-28T16:00:00+12:00', (c) => mentoringLog(c, RUBY_MENTORING)),
      pdf('E2', 'Observation and feedback record, 30 June', 'observation-feedback.pdf', ['emp-evidence', 'emp-cultural'], '2026-07-01T16:00:00+12:00', (c) => observationRecord(c, RUBY_MENTORING)),
      video('E3', 'Debrief conversation (clip, with captions)', 'mentoringDebrief', 'webm', ['emp-conversations']),
    ],
  },
  {
    id: 'P-2026-013',
    person: PEOPLE.aroha,
    credential: 'CST-8',
    attempt: 1,
    resubmissionOf: null,
    submittedAt: '2026-08-17T19:40:00+12:00',
    tests: { pre: 55, post: 82 },
    responses: [
      {
        prompt: CST_PROMPTS.design,
        text: 'The unit on rates of reaction combines guided inquiry with short segments of explicit teaching. Research on novice learners suggests that open inquiry without a model overloads them, so each lesson starts with a worked example or a modelled explanation before students investigate. The pre-test showed my students could describe reactions but not explain them, so explanation is taught explicitly through talk moves and the claim-evidence-reasoning framework our department developed. I chose kai preservation and the hāngī as the context, following Macfarlane\'s educultural wheel: start from relationships and what students already know.',
      },
      {
        prompt: CST_PROMPTS.agency,
        text: 'Students chose which factor to investigate, designed their own fair test with group roles (kaiārahi, timer, recorder, safety), and peer-reviewed each other\'s plans against the success criteria. Several students help with hāngī at marae and family events, and in lesson 1 they were the experts: Mere explained why the stones are heated for hours before anyone mentioned particles. A student\'s whānau shared photographs of their hāngī for the unit. Students then used collision theory to explain something from their own lives, and 21 of 27 chose a kai or cooking example.',
      },
      {
        prompt: CST_PROMPTS.evidence,
        text: 'The class mean on the same 20-item test rose from 55% to 82%. On the explanation items, Māori students (9) rose from 41% to 76% and Pacific students (4) from 45% to 78%. The shared spreadsheet in lesson 3 and the exit tickets showed me that 9 students thought temperature increased the number of particles rather than their speed, so I re-taught with an animation before the conclusions lesson. Work samples show a range: Mere met all criteria; Tavita used data only after peer feedback; Jordan needed a catch-up session and his redraft improved. The captioned clip shows the lesson 3 practical.',
      },
      {
        prompt: CST_PROMPTS.reflection,
        text: 'The combination of context and explicit teaching worked, but I think the context did more for engagement than for understanding: the biggest conceptual gains came after the re-teach, not the hook. I need to be honest that a same-test post-test overstates learning; next time I will use parallel items. I also noticed that the group roles helped quieter students lead, but the recorder role was sometimes a way to avoid the practical work. Next term I will share the unit with Anahera and Dan, and we will build the hāngī context into the acids and bases unit, with whānau invited to the first lesson.',
      },
    ],
    evidence: [
      pdf('E1', 'Unit plan: Fizz, fire and kai', 'unit-plan.pdf', ['cst-design', 'cst-culture'], '2026-05-03T18:30:00+12:00', (c) => unitPlan(c, U.SCI_RATES)),
      pdf('E2', 'Student work samples with feedback', 'student-work.pdf', ['cst-assessment', 'cst-agency'], '2026-08-12T17:00:00+12:00', (c) => studentWork(c, U.SCI_RATES)),
      video('E3', 'Group inquiry practical (classroom clip, captions)', 'scienceGroupInquiry', 'webm', ['cst-agency', 'cst-culture']),
      bars('E4', 'Pre- and post-test results', ['cst-assessment'], {
        id: 'results-10sci3',
        heading: 'Rates of reaction: pre- and post-test',
        subtitle: '10SCI3, same 20-item test, mean % (n = 27); explanation items by group',
        legend: ['Pre-test', 'Post-test'],
        groups: [
          { label: 'Māori (expl.)', a: 41, b: 76 },
          { label: 'Pacific (expl.)', a: 45, b: 78 },
          { label: 'All (expl.)', a: 46, b: 79 },
          { label: 'Whole test', a: 55, b: 82 },
        ],
      }),
    ],
  },
  {
    id: 'P-2026-014',
    person: PEOPLE.daniel,
    credential: 'CST-8',
    attempt: 1,
    resubmissionOf: null,
    submittedAt: '2026-09-02T13:20:00+12:00',
    responses: [
      {
        prompt: CST_PROMPTS.design,
        text: 'My Year 9 unit used the Kenepuru Stream, 400 metres from school, as the site for a citizen science investigation of stream health. The design combines place-based learning with citizen science, which research links to stronger science identity for students who do not see themselves as "science people". Because field time is precious, I taught invertebrate identification and sampling explicitly before the first trip, so students spent their time at the stream collecting data rather than learning procedures. Mātauranga Māori was built in from the first lesson: a kaimahi from the iwi environmental unit introduced mauri and how it is recognised, and students used both mauri indicators and a macroinvertebrate index.',
      },
      {
        prompt: CST_PROMPTS.agency,
        text: 'Students wrote their own investigable questions in lesson 1 and the groups chose which to pursue. At the stream they took on roles, and back at school they decided how to present their data to the iwi environmental unit and the council\'s community monitoring officer. Many students\' whānau fish and gather kai from Te Awarua-o-Porirua, so the findings mattered to them. Hine told the visitors that "the mauri is weaker downstream, and our data show why". Three students have since joined the council\'s volunteer monitoring programme.',
      },
      {
        prompt: CST_PROMPTS.reflection,
        text: 'The unit changed how students talked about science: in the identity survey, the proportion who agreed "I can do real science" rose from 38% to 73%. But I have less evidence about conceptual learning than I would like. Fifteen of 26 CER paragraphs linked sensitive taxa to water quality, and I re-taught reasoning with sentence frames, but I did not run a pre- and post-assessment of the ecology concepts. I also relied on one sample per site, which students like Hine rightly questioned. Next time I will add a concept pre-test, sample each site twice, and give students a proper chance to plan a follow-up investigation rather than ending with the presentation.',
      },
    ],
    evidence: [
      pdf('E1', 'Unit plan: Te mauri o te wai', 'unit-plan.pdf', ['cst-design', 'cst-culture', 'cst-agency'], '2026-07-20T18:00:00+12:00', (c) => unitPlan(c, U.BIO_STREAM)),
      pdf('E2', 'Teaching journal', 'reflection-journal.pdf', ['cst-reflection', 'cst-assessment'], '2026-08-30T20:00:00+12:00', (c) =>
        journal(
          c,
          'Teaching journal: stream health unit',
          'Entries from Term 3. Student names are pseudonyms.',
          [
            { date: '2026-07-23', heading: 'The guest kōrero', text: 'The kaimahi from the iwi environmental unit talked about the stream as a living being with its own mauri. Sefo asked whether the stream could "get sick like a person". That question carried us through the unit.' },
            { date: '2026-08-04', heading: 'First field trip', text: 'Rain the night before, murky water, two kick nets tangled. But every group came back with data and Hine\'s group found fourteen mayfly nymphs upstream. The explicit identification lesson paid off: almost no time wasted on the bank.' },
            { date: '2026-08-13', heading: 'CER paragraphs', text: 'Only about half the class linked sensitive animals to water quality in their reasoning. Many wrote "more bugs = better". Re-taught with a worked example and sentence frames. Should have done this before the trip.' },
            { date: '2026-08-27', heading: 'Presentations', text: 'The council officer asked Hine\'s group whether one sample per site was enough. Hine said no, and that they would need to go back in summer. That is exactly the kind of scientific humility I want. It also exposes a weakness in my design.' },
          ],
          'Students now see themselves as people who can do science in their own place. My next step is to match that with clearer evidence of conceptual learning.',
          {
            describe: 'Students investigated the Kenepuru Stream using citizen science methods and mauri indicators, and presented to the iwi environmental unit and the council. Agreement with "I can do real science" rose from 38% to 73%, but my evidence of conceptual learning is thin.',
            inform: 'Research linking place-based learning and citizen science to science identity, and the Science Learning Hub\'s guidance on treating mātauranga Māori and science as two knowledge systems that inform each other.',
            confront: 'I put my energy into the experience and assumed the concepts would follow. One sample per site was a design weakness that a student noticed before I did.',
            reconstruct: 'A concept pre- and post-test; two samples per site in two seasons; teach claim-evidence-reasoning before the field trip rather than after; and time for students to plan a follow-up investigation.',
          },
        ),
      ),
      wall('E3', 'Photo: stream data wall in the lab', ['cst-assessment', 'cst-culture'], {
        id: 'stream-wall-9sci5',
        heading: 'Te mauri o te wai: Kenepuru Stream data',
        paper: '0xedf3ee',
        seed: 11,
        footnote: 'Sampled 4 August, after overnight rain',
        columns: [
          { title: 'Upstream', notes: ['Score 112 (good)', '14 mayfly, 6 caddisfly', 'Clarity 65 cm, 12 °C'] },
          { title: 'Downstream', notes: ['Score 78 (poor)', 'Worms and snails', 'Clarity 38 cm, 14 °C'] },
          { title: 'Mauri', notes: ['Weaker below the culvert', 'Plant shade on banks?', 'Report to iwi unit and council'] },
        ],
      }),
    ],
  },
  {
    id: 'P-2026-015',
    person: PEOPLE.grace,
    credential: 'FA-8',
    attempt: 2,
    resubmissionOf: 'P-2026-010',
    submittedAt: '2026-09-21T18:45:00+12:00',
    tests: { pre: 44, post: 69 },
    responses: [
      {
        prompt: 'Summarise how this resubmission responds to the assessor\'s feedback on your first attempt.',
        text: 'The assessor\'s feedback said that my learning intentions were clear but the success criteria were teacher-owned, that my exit tickets told me who was wrong but not why, and that my feedback was mostly marks. When I reread my first portfolio I could see it: "Good start. 6/10" does not tell Liam anything. I retaught the patterns unit in Term 3 with three deliberate changes: success criteria built with students from worked examples, hinge questions with distractors designed around the misconception I saw most often, and comment-only feedback that students respond to at the start of the next lesson.',
      },
      {
        prompt: FA_PROMPTS.eliciting,
        text: 'In Term 2 many students wrote recursive rules like "n + 3" for the pattern 5, 8, 11, 14. In Term 3 I designed a hinge question for lesson 2 with four options: n + 3 (recursive thinking), 3n + 2 (correct), 5n + 3 (first term as multiplier) and 3n + 5 (first term as constant). Thirteen of 25 students chose a wrong answer, and because each option pointed to a different misconception I knew what to do: the students who chose B went on to decreasing patterns, and the others built terms with coloured tiles with me so they could see the "+2" physically. On the follow-up in lesson 3, 20 of 25 were correct. I also sorted exit tickets into got it / nearly / not yet and wrote the misconception on each, which made planning the next lesson much faster.',
      },
      {
        prompt: FA_PROMPTS.feedback,
        text: 'Liam\'s exit ticket said "n + 3". Instead of a mark, my comment was: "Test your rule on term 10 by building it. What do you notice?" At the start of the next lesson he built term 10, found 32 sticks, saw that his rule gave 13, and worked out that the 3 should be multiplied by the term number, with 2 left over at the start. His response ends with checks of two terms. He went from 7/20 on the pre-test to 15/20 on the post-test.\n\nPeer assessment was structured around the criteria: partners had to test a rule on at least two terms before commenting. Aroha M.\'s comment to her partner (in the work samples) tested the rule, explained the error and gave a next step without giving away the answer. Self-assessment accuracy improved from 9 of 25 matching my judgement in lesson 1 to 17 of 25 by the end.',
      },
      {
        prompt: FA_PROMPTS.results,
        text: 'The class mean on the same 20-mark test rose from 44% to 69%. In Term 2, with my original approach, the same test rose from 45% to 58% with a similar class. The learning-support group (5 students) rose from 31% to 60%, and Māori and Pacific students (11) from 42% to 70%. These are small groups and I retaught a unit students had partly seen before, so I am cautious, but the responses to feedback show learning happening in the lesson, not only in the test. Next I want to use hinge questions in every unit and keep the fifteen minutes of feedback response time, which students told me was "the only time I actually read the comments".',
      },
    ],
    evidence: [
      pdf('E1', 'Revised lesson sequence with co-constructed success criteria', 'lesson-plan-revised.pdf', ['fa-intentions', 'fa-eliciting'], '2026-07-27T19:00:00+12:00', (c) =>
        unitPlan(c, U.MATHS_PATTERNS_REVISED, {
          summary: 'This plan revises the Term 2 unit submitted in P-2026-010 in response to assessor feedback on success criteria, eliciting evidence and feedback.',
          changes: [
            'Success criteria co-constructed from two worked examples in lesson 1.',
            'Hinge questions with diagnostic distractors in lessons 2 and 4.',
            'Comment-only feedback with 15 minutes of response time at the start of the next lesson.',
            'Structured peer assessment: test the rule on two terms before commenting.',
          ],
        }),
      ),
      pdf('E2', 'Student work: feedback, responses and peer assessment', 'student-work.pdf', ['fa-feedback', 'fa-ownership'], '2026-09-15T17:30:00+12:00', (c) =>
        studentWork(c, U.MATHS_PATTERNS_REVISED),
      ),
      bars('E3', 'Pre- and post-test results (Term 3, with Term 2 comparison)', ['fa-eliciting', 'fa-feedback'], {
        id: 'results-9ma4',
        heading: 'Patterns: pre- and post-test, Term 3',
        subtitle: '9MA4, same 20-mark test, mean % (n = 25); Term 2 class shown for comparison',
        legend: ['Pre-test', 'Post-test'],
        groups: [
          { label: 'Learning support', a: 31, b: 60 },
          { label: 'Māori & Pacific', a: 42, b: 70 },
          { label: 'Term 2 class', a: 45, b: 58 },
          { label: 'Whole class', a: 44, b: 69 },
        ],
      }),
      video('E4', 'Hinge question with ABCD cards (classroom clip)', 'mathsThinkPairShare', 'mp4', ['fa-eliciting'], false),
    ],
  },
  {
    id: 'P-2026-016',
    person: PEOPLE.anahera,
    credential: 'FA-8',
    attempt: 1,
    resubmissionOf: null,
    submittedAt: '2026-10-06T16:55:00+13:00',
    responses: [
      {
        prompt: FA_PROMPTS.intentions,
        text: 'Eleven of my 26 Year 10 students paddle waka ama, and I wanted their physical knowledge of the catch, the pull and the glide to become science knowledge. In lesson 1 students drew force diagrams of a race start on mini-whiteboards, and I used three anonymous diagrams to co-construct our first success criterion: labelled arrows, correct directions and sensible sizes. We built the criteria for balanced and unbalanced forces from a diagnostic question the same way. Students kept the criteria in the front of their books and used them to self-assess every diagram before handing it in.',
      },
      {
        prompt: FA_PROMPTS.eliciting,
        text: 'I designed diagnostic questions with a misconception behind each distractor, drawing on the Force Concept Inventory research. The key question in lesson 2 asked what is true during the glide. Fifteen of 26 chose "a forward force keeps it moving", the classic misconception. I took that group through the trolley experiment again while the others moved to calculations; the next day 21 of 26 answered a parallel question correctly. Mini-whiteboards in every lesson meant I saw all 26 diagrams, not just the eight or nine confident students who used to answer my questions.',
      },
      {
        prompt: FA_PROMPTS.feedback,
        text: 'Kahurangi, a paddler, first wrote that the waka "keeps going because the push from the paddle is still there". My feedback asked her to think about the moment the blade leaves the water: what forces act then? Her redraft explains that only drag acts along the water, so the forces are unbalanced and the waka slows, and she connected it to why stroke rate matters. Peer assessment was structured so that students checked the diagram against the explanation; Oliver noticed that his partner\'s thrust and drag arrows were equal even though the explanation said the waka was speeding up. I am still collecting the post-diagnostic results, so this portfolio focuses on evidence from the lessons.',
      },
    ],
    evidence: [
      pdf('E1', 'Lesson sequence: forces and motion in waka ama', 'lesson-plan.pdf', ['fa-intentions', 'fa-eliciting'], '2026-08-10T19:00:00+12:00', (c) => unitPlan(c, U.SCI_WAKA)),
      pdf('E2', 'Student diagrams, feedback and peer assessment', 'student-work.pdf', ['fa-feedback', 'fa-ownership'], '2026-10-02T17:00:00+13:00', (c) => studentWork(c, U.SCI_WAKA)),
      video('E3', 'Mini-whiteboards during the practical (classroom clip)', 'scienceGroupInquiry', 'webm', ['fa-eliciting'], false),
    ],
  },
];
