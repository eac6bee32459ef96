/**
 * Demo catalogue: schools, candidates, micro-credentials and their rubrics. All people and schools are fictional;
 * the credentials are modelled on New Zealand educator micro-credentials (5 credits at NZQF level 8).
 */
import type { Candidate } from '../../src-shared/domain/portfolio';
import type { Credential, CredentialsFile } from '../../src-shared/domain/credential';
import type { Rubric } from '../../src-shared/domain/rubric';

export const DISTRICTS = {
  chch: 'Ōtautahi Christchurch',
  akl: 'Tāmaki Makaurau Auckland',
  wgtn: 'Te Whanganui-a-Tara Wellington',
} as const;

export interface School {
  name: string;
  domain: string;
  district: string;
}

export const SCHOOLS = {
  avonside: { name: 'Avonside Ridge College', domain: 'avonsideridge.school.nz', district: DISTRICTS.chch },
  waimairi: { name: 'Waimairi Park School', domain: 'waimairipark.school.nz', district: DISTRICTS.chch },
  manukau: { name: 'Manukau Harbour High School', domain: 'manukauharbour.school.nz', district: DISTRICTS.akl },
  rangitoto: { name: 'Rangitoto View College', domain: 'rangitotoview.school.nz', district: DISTRICTS.akl },
  tearo: { name: 'Te Aro Central College', domain: 'tearocentral.school.nz', district: DISTRICTS.wgtn },
  porirua: { name: 'Porirua Harbour College', domain: 'poriruaharbour.school.nz', district: DISTRICTS.wgtn },
} satisfies Record<string, School>;

export interface Person {
  candidate: Candidate;
  /** Role as it appears in documents. */
  role: string;
  /** How students address them, e.g. "Whaea Aroha" or "Mr Kerr". */
  title: string;
}

function person(id: string, name: string, local: string, school: School, role: string, title: string): Person {
  return { candidate: { id, name, email: `${local}@${school.domain}`, school: school.name, district: school.district }, role, title };
}

export const PEOPLE = {
  aroha: person('C-1001', 'Aroha Ngata', 'a.ngata', SCHOOLS.avonside, 'Head of Science', 'Whaea Aroha'),
  sione: person('C-1002', 'Sione Tupou', 's.tupou', SCHOOLS.manukau, 'Teacher of Social Studies and History', 'Mr Tupou'),
  hannah: person('C-1003', 'Hannah McAllister', 'h.mcallister', SCHOOLS.tearo, 'Teacher of English, mentor teacher', 'Ms McAllister'),
  priya: person('C-1004', 'Priya Raman', 'p.raman', SCHOOLS.rangitoto, 'Teacher of Mathematics', 'Ms Raman'),
  tama: person('C-1005', 'Tama Wihongi', 't.wihongi', SCHOOLS.waimairi, 'Years 7-8 Team Leader', 'Matua Tama'),
  mele: person('C-1006', 'Mele Fifita', 'm.fifita', SCHOOLS.porirua, 'Teacher of English', 'Miss Fifita'),
  james: person('C-1007', "James O'Connor", 'j.oconnor', SCHOOLS.rangitoto, 'Teacher in charge of Digital Technologies', "Mr O'Connor"),
  weiling: person('C-1008', 'Wei-Ling Chen', 'w.chen', SCHOOLS.tearo, 'Head of Languages', 'Ms Chen'),
  ruby: person('C-1009', 'Ruby Tane', 'r.tane', SCHOOLS.manukau, 'Teacher of Health and PE, mentor teacher', 'Whaea Ruby'),
  grace: person('C-1010', 'Grace Pōtae', 'g.potae', SCHOOLS.waimairi, 'Teacher of Mathematics (Years 9-10)', 'Ms Pōtae'),
  daniel: person('C-1011', 'Daniel Kerr', 'd.kerr', SCHOOLS.porirua, 'Teacher of Science', 'Mr Kerr'),
  anahera: person('C-1012', 'Anahera Parata', 'a.parata', SCHOOLS.avonside, 'Teacher of Science', 'Whaea Anahera'),
} satisfies Record<string, Person>;

const PROVIDER = 'Te Whare Ako Professional Learning';

export const CREDENTIALS: Credential[] = [
  {
    code: 'EMP-8',
    title: 'Effective Mentoring Practices',
    provider: PROVIDER,
    level: 'NZQF 8',
    credit_points: 5,
    hours: 50,
    validity_years: 5,
    rubric: { id: 'rubric-emp-8', version: 1 },
  },
  {
    code: 'WCL-8',
    title: 'Working Collaboratively and Building Leadership Capability',
    provider: PROVIDER,
    level: 'NZQF 8',
    credit_points: 5,
    hours: 50,
    validity_years: 5,
    rubric: { id: 'rubric-wcl-8', version: 1 },
  },
  {
    code: 'CST-8',
    title: 'Contemporary Secondary Teaching Approaches',
    provider: PROVIDER,
    level: 'NZQF 8',
    credit_points: 5,
    hours: 50,
    validity_years: 5,
    rubric: { id: 'rubric-cst-8', version: 1 },
  },
  {
    code: 'FA-8',
    title: 'Formative Assessment',
    provider: PROVIDER,
    level: 'NZQF 8',
    credit_points: 5,
    hours: 50,
    validity_years: 5,
    rubric: { id: 'rubric-fa-8', version: 1 },
  },
];

export const CREDENTIALS_FILE: CredentialsFile = { format: 'evidence-workbench/credentials@1', credentials: CREDENTIALS };

const LABELS = ['Beginning', 'Developing', 'Proficient', 'Exemplary'] as const;

function criterion(id: string, title: string, guidance: string, descriptors: [string, string, string, string], critical = false) {
  return {
    id,
    title,
    guidance,
    critical,
    levels: descriptors.map((descriptor, i) => ({ score: i + 1, label: LABELS[i]!, descriptor })),
  };
}

export const RUBRICS: Rubric[] = [
  {
    format: 'evidence-workbench/rubric@1',
    id: 'rubric-emp-8',
    version: 1,
    title: 'Effective Mentoring Practices (EMP-8) assessment rubric',
    criteria: [
      criterion(
        'emp-relationship',
        'Learning-focused mentoring relationship',
        'Look for how the mentor established trust, agreed purpose, roles and confidentiality, and kept the relationship focused on the mentee\'s learning and their learners\' outcomes (Guidelines for Induction and Mentoring; Our Code, Our Standards). Evidence: mentoring agreement or log, responses, debrief clip.',
        [
          'Describes the relationship in general or social terms. No agreed purpose, roles or boundaries; the mentee\'s learning goals are not identified.',
          'Some agreements (meeting times, a broad focus such as "behaviour management") are described, but the relationship is mostly directed by the mentor and goals are vague.',
          'A deliberate, agreed mentoring partnership with clear purpose, confidentiality and roles. Goals are co-constructed with the mentee and linked to the Standards for the Teaching Profession, and they are revisited.',
          'As Proficient, and the mentor adapts the relationship over time in response to the mentee\'s growing agency: the mentee increasingly sets the agenda and evaluates their own progress, with evidence of this in the log.',
        ],
        true,
      ),
      criterion(
        'emp-conversations',
        'Learning-focused conversations',
        'Judge the quality of questioning, listening and feedback in conversation records and the debrief clip. Educative mentoring moves between consulting, collaborating and coaching as the mentee needs.',
        [
          'Conversations are mainly advice-giving or reassurance; questions are closed and the mentor does most of the talking.',
          'Uses some open questions and paraphrasing, but conversations rarely move from recounting events to analysing practice, and next steps are not agreed.',
          'Uses open questions, paraphrase and evidence to help the mentee analyse their practice; conversations end with specific, agreed next steps that are followed up at the next meeting.',
          'Deliberately shifts stance (consulting, collaborating, coaching) according to the mentee\'s need, and shows how particular conversational moves changed the mentee\'s thinking and practice.',
        ],
      ),
      criterion(
        'emp-evidence',
        'Using evidence to inform mentoring',
        'Evidence includes observation data, student work and learner voice. Look for data collection agreed in advance, shared without judgement, and linked to the mentee\'s goal.',
        [
          'Observations are impressionistic or evaluative ("the lesson went well"); no data are collected or shared.',
          'Some observation notes or student work are used, but the data are not linked to the mentee\'s goal or are presented as judgements.',
          'Observation data on an agreed focus and student evidence are collected, shared without judgement, and used by mentor and mentee together to decide next steps.',
          'Uses several well-chosen sources of evidence over time (repeated observations, learner voice, assessment data) to show shifts in the mentee\'s practice and the effect on learners.',
        ],
      ),
      criterion(
        'emp-cultural',
        'Culturally responsive and inclusive mentoring',
        'Refer to Tātaiako, Tapasā and the Code\'s commitment to te Tiriti o Waitangi partnership. Look for how the identity, language and culture of the mentee and of their learners shape the mentoring.',
        [
          'Culture and identity are not considered, or are mentioned only as a general statement of intent.',
          'Acknowledges culturally responsive practice with one or two surface examples (e.g. greeting in te reo Māori) that are not connected to the mentee\'s goals.',
          'Mentoring draws explicitly on Tātaiako and/or Tapasā: the mentor helps the mentee know their learners and whānau and reflect on how their own culture shapes their teaching.',
          'Culturally sustaining practice is integral to the mentoring: the mentor models and challenges thinking about equity and te Tiriti partnership, with evidence of changed practice that benefits Māori and Pacific learners.',
        ],
        true,
      ),
      criterion(
        'emp-reflection',
        'Critical reflection on own mentoring practice',
        'The reflection should be about the candidate as a mentor, not about the mentee. Look for use of evidence, a mentoring framework, and honest examination of what did not work.',
        [
          'Reflection is descriptive: it lists activities and meetings without analysis.',
          'Identifies strengths and some areas to develop, with limited reference to evidence or to any mentoring framework.',
          'Critically analyses own mentoring using evidence and at least one framework (e.g. educative mentoring, the Guidelines), and names specific next steps for own practice.',
          'Searching, theorised reflection that examines assumptions and power in the relationship, and sets out a clear, evidence-informed plan for continued growth as a mentor.',
        ],
      ),
    ],
    decision_rule: { type: 'all_at_least', min_level: 3 },
    feedback_templates: {
      pass: 'Your portfolio meets the requirements of the Effective Mentoring Practices micro-credential. Your evidence shows a learning-focused mentoring partnership, conversations grounded in observation data, and mentoring that takes account of culture and identity. Particular strengths: [strengths]. As you continue mentoring, consider: [next steps]. Ngā mihi nui.',
      not_yet: 'Thank you for your portfolio. It does not yet meet every criterion of the Effective Mentoring Practices micro-credential: [criteria below Proficient]. To resubmit, please strengthen the evidence for these criteria, for example: [specific guidance]. You can resubmit once within 12 months; your assessor is happy to talk through this feedback.',
    },
  },
  {
    format: 'evidence-workbench/rubric@1',
    id: 'rubric-wcl-8',
    version: 1,
    title: 'Working Collaboratively and Building Leadership Capability (WCL-8) assessment rubric',
    criteria: [
      criterion(
        'wcl-inquiry',
        'Leading a collaborative inquiry',
        'Look for a shared, learner-focused inquiry question grounded in data, a clear process (e.g. spiral of inquiry, teaching as inquiry) and a team that actually inquired together rather than in parallel.',
        [
          'The inquiry focus is the leader\'s own, is not grounded in learner data, and the team is informed rather than involved.',
          'A shared focus is identified and some baseline data are used, but the process is loosely structured and activity is mostly individual.',
          'A shared inquiry question grounded in learner data; the team follows a clear cycle (scan, focus, hunch, learn, act, check) with agreed actions and regular collaborative checkpoints.',
          'As Proficient, and the inquiry is adapted in response to emerging evidence, with the team\'s collective sense-making clearly shaping the direction.',
        ],
      ),
      criterion(
        'wcl-trust',
        'Relational trust and team culture',
        'Evidence of protocols, norms and facilitation that made it safe to share practice and disagree productively. Consider whose voices were heard, including Māori and Pacific colleagues and whānau.',
        [
          'Team interactions are described only in terms of tasks; no attention to norms, trust or participation.',
          'Some norms or protocols are mentioned, but participation is uneven and difficult conversations are avoided.',
          'Uses agreed norms and protocols (e.g. talanoa, looking at student work, tuning protocols) to build trust; members share practice openly and constructive challenge is visible in records.',
          'Trust is deliberately built and monitored (e.g. team voice surveys); the leader can show how the culture shifted and how challenge strengthened decisions, with all voices, including mana whenua and whānau perspectives, valued.',
        ],
        true,
      ),
      criterion(
        'wcl-capability',
        'Building others\' leadership capability',
        'Look for distributed leadership: colleagues taking on facilitation, coaching or decision-making, with deliberate support from the candidate.',
        [
          'The candidate leads all activity; others\' leadership is not considered.',
          'Others take on tasks delegated by the candidate, but with little support, growth or ownership.',
          'Deliberately grows others\' leadership (e.g. co-facilitation, rotating roles, coaching a colleague to lead a session) with evidence of their increasing confidence.',
          'Leadership is genuinely distributed and sustainable: colleagues lead parts of the inquiry independently and the candidate can show how their own moves (coaching, stepping back) enabled this.',
        ],
      ),
      criterion(
        'wcl-impact',
        'Evidence of impact on practice and learners',
        'Impact claims must be backed by evidence: changes in teacher practice (observations, planning) and learner outcomes (assessment data, learner voice). Beware of claims based only on teacher perception.',
        [
          'Impact is asserted without evidence, or evidence concerns activity only (meetings held, resources made).',
          'Some evidence of change in teacher practice or learner outcomes, but it is anecdotal or not linked to the inquiry actions.',
          'Credible evidence of changes in both teacher practice and learner outcomes, linked to the inquiry actions, with honest discussion of limitations.',
          'Strong, triangulated evidence (quantitative and qualitative, including learner and whānau voice) of impact, analysed critically, with clear implications for the next cycle.',
        ],
        true,
      ),
    ],
    decision_rule: { type: 'all_at_least', min_level: 2, critical_min_level: 3 },
    feedback_templates: {
      pass: 'Congratulations: your portfolio meets the requirements of the Working Collaboratively and Building Leadership Capability micro-credential. Your evidence shows a collaborative inquiry grounded in learner data, a team culture where practice could be shared and challenged, and growing leadership in your colleagues. Strengths: [strengths]. For your next cycle: [next steps].',
      not_yet: 'Thank you for your portfolio. It does not yet meet the requirements: relational trust and impact must each reach Proficient, and every criterion at least Developing. Areas to strengthen: [criteria]. Suggested evidence: [specific guidance]. You may resubmit once within 12 months.',
    },
  },
  {
    format: 'evidence-workbench/rubric@1',
    id: 'rubric-cst-8',
    version: 1,
    title: 'Contemporary Secondary Teaching Approaches (CST-8) assessment rubric',
    criteria: [
      criterion(
        'cst-design',
        'Research-informed learning design',
        'Look for a coherent unit or lesson sequence with explicit links to research or theory (e.g. inquiry learning, explicit teaching, cognitive load, ako) and to The New Zealand Curriculum or Te Mātaiaho.',
        [
          'Lessons are a sequence of activities with no rationale; research is not referred to.',
          'A rationale is given and some research is named, but the link between research and design decisions is unclear.',
          'A coherent sequence with clear learning intentions in which design decisions are explicitly justified by research and curriculum, and adapted to this class.',
          'As Proficient, and the candidate critically weighs competing approaches, explaining why they chose and adapted one for these learners.',
        ],
      ),
      criterion(
        'cst-agency',
        'Student agency and engagement',
        'Agency means students making meaningful choices about what, how or with whom they learn, and understanding where they are going. Engagement alone (on task, enjoying it) is not enough.',
        [
          'Students follow teacher-directed tasks; choice and voice are absent.',
          'Some choice (e.g. of topic or presentation format) is offered, but students have little say in how they learn or how success is judged.',
          'Students make meaningful choices, co-construct success criteria, and use them to direct their own learning; learner voice shows they understand their progress.',
          'Agency is built systematically: students plan, monitor and evaluate their own learning, and learner voice shows growing independence across the unit.',
        ],
      ),
      criterion(
        'cst-culture',
        'Culturally sustaining pedagogy',
        'Consider how the learning connects to learners\' identities, languages and cultures and to local place and history, including te ao Māori and Pacific worldviews, and how whānau are involved. Critical criterion.',
        [
          'Culture and identity are not considered, or only tokenistically.',
          'Includes cultural content or contexts, but as add-ons rather than shaping how learning happens.',
          'Learning is designed around learners\' identities and local contexts (e.g. place-based learning, mana whenua narratives, talanoa), and students see themselves in the curriculum.',
          'Culturally sustaining practice shapes the whole design, with whānau or community partnership and evidence that Māori and Pacific learners in particular experienced success as themselves.',
        ],
        true,
      ),
      criterion(
        'cst-assessment',
        'Assessment for learning and evidence of impact',
        'Look for evidence gathered during the unit, how it changed teaching, and what it shows about learning. Pre- and post-tests are useful but should be interpreted with care. Critical criterion.',
        [
          'Assessment happens only at the end, or evidence of learning is not presented.',
          'Some evidence of learning is presented, but it is not analysed or did not inform teaching during the unit.',
          'Evidence is gathered throughout and used to adjust teaching; outcome data are analysed for different groups of learners, with honest discussion of limitations.',
          'Rich, triangulated evidence (work samples, data, learner voice) shows clear shifts in learning, and the analysis drives specific changes for the next cycle.',
        ],
        true,
      ),
      criterion(
        'cst-reflection',
        'Critical reflection and next steps',
        'The reflection should analyse why things worked or did not, with reference to evidence, and lead to specific next steps.',
        [
          'Reflection is descriptive or evaluative ("it went well") with no analysis.',
          'Identifies what worked and what did not, with limited reasons or evidence.',
          'Analyses practice using evidence and research, considers alternative explanations, and sets specific, realistic next steps.',
          'Searching reflection that questions own assumptions and positions the work within wider debates, with next steps that would benefit colleagues as well as own practice.',
        ],
      ),
    ],
    decision_rule: { type: 'all_at_least', min_level: 3 },
    feedback_templates: {
      pass: 'Your portfolio meets the requirements of the Contemporary Secondary Teaching Approaches micro-credential. Your learning design is grounded in research, builds student agency, and connects with your learners\' identities and local context, and you have used evidence well to show its impact. Strengths: [strengths]. Next steps to consider: [next steps].',
      not_yet: 'Thank you for your portfolio. It does not yet meet every criterion at Proficient: [criteria]. In a resubmission, please: [specific guidance, e.g. add work samples and analyse outcomes for different groups of learners]. You may resubmit once within 12 months.',
    },
  },
  {
    format: 'evidence-workbench/rubric@1',
    id: 'rubric-fa-8',
    version: 1,
    title: 'Formative Assessment (FA-8) assessment rubric',
    criteria: [
      criterion(
        'fa-intentions',
        'Learning intentions and success criteria',
        'Look for intentions focused on learning (not tasks), success criteria students helped to build, and students using them during lessons.',
        [
          'Intentions describe tasks ("We are doing a worksheet"); success criteria are absent.',
          'Learning intentions are stated and success criteria given, but they are teacher-owned and rarely used by students.',
          'Clear, learning-focused intentions; success criteria co-constructed with students (e.g. from analysing exemplars) and used by students to check their work.',
          'As Proficient, and students can explain the intentions and criteria in their own words and use them independently across tasks.',
        ],
      ),
      criterion(
        'fa-eliciting',
        'Eliciting evidence of learning',
        'Look for well-planned questions and activities (hinge questions, mini-whiteboards, exit tickets) that make all students\' thinking visible, and for teaching that changed in response.',
        [
          'Relies on hands-up questioning or end-of-unit tests; most students\' thinking is not seen.',
          'Uses some whole-class strategies, but the evidence is not acted on during the lesson or sequence.',
          'Plans strategies that elicit evidence from all students at key points and adjusts teaching in response, with examples of what changed.',
          'Evidence-gathering is systematic and precise (e.g. diagnostic hinge questions with designed distractors), and responsive teaching is clearly shown to benefit particular groups of learners.',
        ],
      ),
      criterion(
        'fa-feedback',
        'Feedback that moves learning forward',
        'Feedback should relate to the success criteria, tell the learner what to do next, and require a response. Critical criterion.',
        [
          'Feedback is mostly grades or praise ("good work").',
          'Feedback refers to the task, but is general or does not lead to students acting on it.',
          'Feedback is specific to the success criteria, identifies next steps, and students act on it (e.g. in a response or redraft), with examples.',
          'Feedback is timely and well-judged, and there is clear evidence of it improving subsequent work, including for students who were previously struggling.',
        ],
        true,
      ),
      criterion(
        'fa-ownership',
        'Activating learners as owners of their learning and resources for one another',
        'Self- and peer-assessment, learning logs, goal setting. Look for structures that make peer feedback useful, and for students\' growing accuracy in judging their own work.',
        [
          'Students are not involved in assessing their own or others\' work.',
          'Self- or peer-assessment is used occasionally, but it is unstructured and comments are vague ("looks good").',
          'Structured self- and peer-assessment against success criteria is used regularly; samples show useful comments and students acting on them.',
          'Students routinely use self- and peer-assessment to regulate their own learning, with evidence that their judgements become more accurate over time.',
        ],
      ),
    ],
    decision_rule: { type: 'all_at_least', min_level: 3 },
    feedback_templates: {
      pass: 'Your portfolio meets the requirements of the Formative Assessment micro-credential. You have shown how learning intentions and co-constructed success criteria, well-planned evidence gathering and specific feedback helped your students move forward. Strengths: [strengths]. Next steps: [next steps].',
      not_yet: 'Thank you for your portfolio. It does not yet meet every criterion at Proficient: [criteria]. To resubmit, please add evidence that [specific guidance, e.g. students acted on feedback; peer assessment was structured against success criteria]. You may resubmit once within 12 months.',
    },
  },
];

export const rubricFor = (credentialCode: string): Rubric => {
  const cred = CREDENTIALS.find((c) => c.code === credentialCode);
  const rubric = cred && RUBRICS.find((r) => r.id === cred.rubric.id && r.version === cred.rubric.version);
  if (!rubric) throw new Error(`no rubric for credential ${credentialCode}`);
  return rubric;
};
