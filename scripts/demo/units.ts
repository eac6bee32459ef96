/** Teaching units behind the lesson-plan and student-work PDFs. Students are pseudonymous. */
import type { UnitPack } from './documents';

export const SCI_RATES: UnitPack = {
  learningArea: 'Science',
  yearLevel: 'Year 10',
  className: '10SCI3 (27 students)',
  unitTitle: 'Fizz, fire and kai: rates of reaction',
  term: 'Term 2, 2026',
  duration: 'four 60-minute lessons plus an investigation write-up',
  context:
    '10SCI3 is a mixed-ability class of 27: nine Māori students, four Pacific students and two students who are new learners of English. In the Term 1 pre-test many students could describe what happens in a reaction but not explain why, and only a third could plan a fair test on their own. Several students said science "is just memorising". I wanted a unit where they investigate something they care about, talk their way to explanations, and use a model (particle collisions) to explain their own data. Kai preservation and the hāngī gave us a way in that connects with whānau knowledge: several students help with hāngī at marae and family events and already know a lot about heat, time and surface area.',
  curriculum: [
    'NZC Science, Level 5, Material World, Chemistry and society: link the properties of different groups of substances to the way they are used in society or occur in nature; investigate factors that affect the rate of a reaction.',
    'Nature of Science, Investigating in science: develop and carry out more complex investigations, including using models.',
    'Nature of Science, Communicating in science: use a wider range of science vocabulary, symbols and conventions.',
    'Key competencies: thinking (using models to explain), participating and contributing (group roles), using language, symbols and texts.',
  ],
  research:
    'The unit uses guided inquiry with explicit teaching at the points where students need a model they could not discover for themselves. Hattie and Donoghue\'s work on surface-to-deep learning, and the cognitive load research summarised by the Education Review Office, suggest novices do better with worked examples before open inquiry, so each lesson starts with a short explicit segment. Talk is structured with "talk moves" (Michaels and O\'Connor) because the pre-test showed students could not yet explain in words. The kai and hāngī context follows Macfarlane\'s educultural wheel: relationships (whanaungatanga) and the students\' own knowledge are the starting point, not an add-on.',
  intentions: [
    'We are learning to explain how temperature, concentration and surface area change the rate of a reaction, using the idea of particle collisions.',
    'We are learning to plan and carry out a fair test, and to use our data as evidence for a conclusion.',
    'We are learning to connect science ideas to practices we know, such as preserving kai and cooking in a hāngī.',
  ],
  successCriteria: [
    { criterion: 'I can name the variable I change, the one I measure, and the ones I keep the same.', evidence: 'Planning sheet with three variables labelled correctly.' },
    { criterion: 'I can draw a particle diagram that shows why a reaction speeds up.', evidence: 'Before/after diagram with more, or more energetic, collisions.' },
    { criterion: 'I can use my results (numbers) to back up my conclusion.', evidence: 'Conclusion quotes at least two results with units.' },
    { criterion: 'I can explain a real-life example using collision theory.', evidence: 'Exit ticket or write-up paragraph on kai, hāngī or another example.' },
  ],
  lessons: [
    {
      title: 'What makes reactions go faster?',
      focus: 'Hook with whānau knowledge: why are hāngī stones heated for hours, and why do we cut kūmara into pieces? Students record predictions and the reasons behind them.',
      launch: 'Photo of a hāngī being laid. Think-pair-share: what do the stones, the wet sacks and the size of the kai have to do with how fast food cooks?',
      explore: 'Demonstration: antacid tablet in cold and hot water, whole and crushed. Groups record times on mini-whiteboards and propose a rule. I introduce the particle model with a worked example of a diagram.',
      consolidate: 'Students draw their own particle diagram for "hot water" and explain it to a partner using the sentence starter "The reaction is faster because the particles...".',
      check: 'Mini-whiteboard diagrams held up: do they show faster-moving particles and more collisions, or just "more bubbles"?',
    },
    {
      title: 'Planning a fair test',
      focus: 'Groups choose one factor (temperature, concentration or surface area) and plan an investigation with marble chips and hydrochloric acid or antacid and water.',
      launch: 'Sort ten cards into "variable I change / measure / keep the same" for an example investigation; discuss the two most-disputed cards.',
      explore: 'Groups co-write a plan using the planning frame, with roles (kaiārahi/leader, timer, recorder, safety). I conference with each group and sign off their control variables.',
      consolidate: 'Gallery walk: each group reads another\'s plan and leaves one "two stars and a wish" sticky note against the success criteria.',
      check: 'Planning frames: are all three variable types correct? Which groups need a mini-lesson on controls?',
    },
    {
      title: 'Investigating and recording',
      focus: 'Groups carry out their investigation, repeat trials, and record results in a table with units.',
      launch: 'Safety briefing and a quick quiz on reading the stopwatch and measuring cylinder accurately.',
      explore: 'Practical work in groups. Each recorder enters results into the shared class spreadsheet on the projector so we can compare groups as we go.',
      consolidate: 'Whole-class look at the spreadsheet: which results look odd? Why might repeats differ? Students annotate one anomaly.',
      check: 'Results tables: units, repeats, averages. Listen for students explaining differences using "fair test" language.',
    },
    {
      title: 'From data to explanation',
      focus: 'Students write conclusions that use data as evidence and explain the pattern with collision theory, then apply the idea to a kai example of their choice.',
      launch: 'Worked example: I model turning a results table into a conclusion, thinking aloud, then students improve a weak example together.',
      explore: 'Students draft conclusions, self-assess against the success criteria, and swap with a partner for feedback before redrafting.',
      consolidate: 'Exit ticket: why does a hāngī cook faster when the stones are hotter? Use the word "collisions".',
      check: 'Conclusions: do they quote numbers with units? Do explanations mention frequency or energy of collisions?',
    },
  ],
  differentiation: [
    'Planning frame with sentence starters and a word bank in English and te reo Māori (tere/fast, pāmahana/temperature), used by the two English language learners and anyone who wants it.',
    'Extension: two groups investigated catalase (an enzyme) breaking down hydrogen peroxide, linking to why kai spoils.',
    'Group roles rotate each lesson so that quieter students lead at least once; I check in with three students identified from the pre-test before each practical.',
    'Conclusions could be recorded as a voice memo and then written up with a partner.',
  ],
  assessment:
    'Formative: mini-whiteboards (lesson 1), planning conferences (lesson 2), the shared spreadsheet (lesson 3) and exit tickets (every lesson), sorted into got it / nearly / not yet to plan the next lesson. Summative: a 20-question pre- and post-test (same items, reordered) covering variables, particle diagrams and explanation, plus the investigation write-up marked against the success criteria. Results are analysed for the whole class and for Māori and Pacific students, because the department\'s data show a gap in explanation questions.',
  resources: [
    'Antacid tablets, marble chips, 1 mol/L and 0.5 mol/L hydrochloric acid, stopwatches, measuring cylinders, kettle and thermometers.',
    'Planning frame and conclusion scaffold (Google Doc, also printed).',
    'Science Learning Hub article on rates of reaction; photographs of hāngī preparation shared with permission by a student\'s whānau.',
    'Talk-move cards: "Can you say more about that?", "Who can add on?", "Do you agree or disagree, and why?"',
  ],
  samplesIntro:
    'Three conclusions from the investigation write-up, chosen to show a range: a student who met all criteria, one who met most after feedback, and one who was still developing. Each is typed from the original with the student\'s self-assessment and my feedback.',
  samples: [
    {
      student: 'Mere (group 2, temperature)',
      task: 'Write a conclusion for your investigation and explain it using collision theory.',
      response:
        'Our results show that when the water was hotter the tablet dissolved faster. At 20 degrees it took 48 seconds on average and at 60 degrees it only took 17 seconds. This is because the particles have more energy when they are hotter so they move faster and collide more often and with more force, so more collisions are successful. This is like the hāngī because the stones are really hot so the food particles get lots of energy and it cooks faster than in an oven at a lower temperature.',
      feedback: 'Excellent use of two results with units, and a clear link to the hāngī. To reach the top of the criteria, explain what makes a collision "successful" (enough energy to break bonds).',
      self: ['Got it', 'Got it', 'Got it', 'Got it'],
      next: 'Mere added a sentence on activation energy in her redraft and then helped her group partner with his particle diagram.',
    },
    {
      student: 'Tavita (group 5, surface area)',
      task: 'Write a conclusion for your investigation and explain it using collision theory.',
      response:
        'The powder reacted the fastest. The big chips were slow. This is because the powder has more surface area. More of the particles can touch the acid so there are more collisions and it goes faster. First draft did not have numbers. Redraft: the powder took 35 seconds to make 50 mL of gas and the large chips took 140 seconds.',
      feedback: 'Your redraft now uses results as evidence. Well done for acting on the peer feedback. Next step: say why more particles touching the acid means more collisions each second.',
      self: ['Got it', 'Nearly', 'Got it (after redraft)', 'Not yet'],
      next: 'In the post-test Tavita explained surface area using "more collisions per second" (question 14), which he had left blank in the pre-test.',
    },
    {
      student: 'Jordan (group 1, concentration)',
      task: 'Write a conclusion for your investigation and explain it using collision theory.',
      response:
        'The stronger acid was faster because it is stronger. We did three tests and the strong acid always won. I think it is because there is more acid in it.',
      feedback: 'You noticed a clear pattern and repeated your tests: good scientific habits. Use your results table to add the times, and use the particle diagram from lesson 1 to explain what "more acid" means for collisions.',
      self: ['Got it', 'Not yet', 'Nearly', 'Not yet'],
      next: 'Jordan worked with me and a peer tutor in a catch-up session; his redraft used "more acid particles in the same space so they bump into the marble more often".',
    },
  ],
  classPatterns: [
    ['Conclusions described the pattern but did not quote results', '11 of 27', 'Modelled a conclusion with data in lesson 4; added peer check of "numbers with units".'],
    ['Particle diagrams showed more particles but not faster ones for temperature', '9 of 27', 'Short re-teach with an animation and a "spot the difference" diagram task.'],
    ['Students who linked the idea to a real example (kai, hāngī, cooking)', '21 of 27', 'Kept the context for the next unit on acids and bases (hāngī stones and limestone).'],
  ],
};

export const SOC_MANUKAU: UnitPack = {
  learningArea: 'Social Sciences (Aotearoa New Zealand\'s histories)',
  yearLevel: 'Year 10',
  className: '10SOC2 (29 students)',
  unitTitle: 'Te Manukau: whose stories shape our place?',
  term: 'Term 1, 2026',
  duration: 'five 55-minute lessons',
  context:
    '10SOC2 has 29 students: 14 Pacific (mostly Tongan and Samoan), 8 Māori, and students from Indian, Filipino and Pākehā families. Most live within a few kilometres of the Manukau Harbour, but in a class survey only four could name the iwi of the area, and most thought history "happened somewhere else". The unit uses the harbour as a place students know to explore how Māori history is the foundational history of this place, how colonisation changed the relationship between people and the harbour, and how Pacific communities have made their own stories here.',
  curriculum: [
    'Aotearoa New Zealand\'s histories, Understand: Māori history is the foundational and continuous history of Aotearoa New Zealand; colonisation and its consequences have been central to our history for the past 200 years.',
    'Know: Whakapapa me te whanaungatanga (culture and identity); Tūrangawaewae me te kaitiakitanga (place and environment).',
    'Do: Identifying and using sources and perspectives; interpreting past experiences, decisions and actions.',
    'NZC Social Sciences Level 5: understand how the Treaty of Waitangi is responded to differently by people in different times and places.',
  ],
  research:
    'I drew on place-based education (Penetito\'s idea that learners need to be "of a place" as well as in it) and the talanoa approach (Vaioleti), because my Pacific students talk most freely in open, relational discussion. Source analysis follows the historical thinking concepts of Seixas: students weigh evidence and perspectives rather than memorise events.',
  intentions: [
    'We are learning to describe how mana whenua have connected with the Manukau Harbour over time.',
    'We are learning to compare perspectives in sources about the same event.',
    'We are learning to explain how decisions in the past affect our community today.',
  ],
  successCriteria: [
    { criterion: 'I can name places around the harbour and explain what their names tell us.', evidence: 'Labelled map with at least three place names and meanings.' },
    { criterion: 'I can identify whose perspective a source shows and whose is missing.', evidence: 'Source analysis table completed for two sources.' },
    { criterion: 'I can use evidence from sources to support my explanation.', evidence: 'Paragraph that quotes or refers to at least two sources.' },
  ],
  lessons: [
    {
      title: 'Our harbour, our stories',
      focus: 'Students map what they already know about the harbour and share family stories about it in talanoa groups.',
      launch: 'Photo of the harbour from Ihumātao. Students write one word the picture makes them think of.',
      explore: 'Talanoa groups share stories about the harbour from home. Groups add them to a large class map with sticky notes.',
      consolidate: 'Class discussion: which stories do we have, and whose are missing?',
      check: 'Who can share a family connection? Which groups need prompts to get started?',
    },
    {
      title: 'Place names as sources',
      focus: 'Students research the meanings of place names around the harbour and what they tell us about earlier life there.',
      launch: 'Read the story behind the name Manukau and discuss different explanations.',
      explore: 'Pairs research three place names using the council\'s place-name guide and label a map.',
      consolidate: 'Pairs share one place name with the class.',
      check: 'Maps: are the meanings accurate and sourced?',
    },
    {
      title: 'The land wars and confiscation',
      focus: 'Students read two sources about the 1863 invasion of the Waikato and the confiscation of land around the harbour, and compare perspectives.',
      launch: 'Timeline card sort of 1840 to 1865 events.',
      explore: 'Source analysis of a government proclamation and an account from a local iwi history.',
      consolidate: 'Discussion: why do the sources tell the story differently?',
      check: 'Source tables: can students say whose perspective each source shows?',
    },
    {
      title: 'Pacific journeys to the Manukau',
      focus: 'Students interview a family member about migrating to South Auckland and connect these stories to the history of the place.',
      launch: 'Short video of Pacific migration in the 1960s and 1970s.',
      explore: 'Students plan interview questions and practise with a partner.',
      consolidate: 'Share one interview question with the class.',
      check: 'Interview plans: are questions open?',
    },
    {
      title: 'Writing our explanation',
      focus: 'Students write an explanation of how past decisions affect the harbour community today.',
      launch: 'Model paragraph read together.',
      explore: 'Students write their paragraphs using their notes and sources.',
      consolidate: 'Hand in paragraphs.',
      check: 'Paragraphs marked against the success criteria.',
    },
  ],
  differentiation: [
    'Sentence starters for the explanation paragraph.',
    'Students can work with a partner for the source analysis.',
    'Extension: research a current issue at Ihumātao.',
  ],
  assessment:
    'Students complete an explanation paragraph at the end of the unit, marked against the success criteria. I also check the source analysis tables in lesson 3.',
  resources: [
    'Auckland Council place-name guide and maps of the Manukau Harbour.',
    'Extracts from the 1863 proclamation and a published iwi history (photocopied).',
    'Aotearoa New Zealand\'s histories curriculum resources on Tāhuhu Tāhuhu.',
  ],
  samplesIntro: 'Two explanation paragraphs from the end of the unit.',
  samples: [
    {
      student: 'Losaline',
      task: 'Explain how a past decision affects the harbour community today.',
      response:
        'When the government took the land after the war in 1863, the people who lived around the harbour lost their gardens and their kāinga. Today some of that land is still being argued about, like at Ihumātao. The proclamation said the land was taken because people were rebels, but the iwi history says they were defending their homes.',
      feedback: 'Good comparison of the two sources. Next time, explain how this still affects people today in more detail.',
      self: ['Got it', 'Got it', 'Nearly'],
    },
    {
      student: 'Kaleb',
      task: 'Explain how a past decision affects the harbour community today.',
      response: 'The land was taken in the war and this was unfair. The harbour is polluted now because of factories.',
      feedback: 'You have identified two important ideas. Use the sources to support them.',
      self: ['Nearly', 'Not yet', 'Not yet'],
    },
  ],
  classPatterns: [
    ['Could name at least three place names and meanings', '22 of 29', 'Moved on to sources.'],
    ['Identified whose perspective a source shows', '15 of 29', 'Spent more time on this in lesson 3.'],
  ],
};

/** Sione's unit as retaught in Term 2 after feedback on his first submission. */
export const SOC_MANUKAU_REVISED: UnitPack = {
  ...SOC_MANUKAU,
  className: '10SOC4 (28 students)',
  term: 'Term 2, 2026',
  duration: 'six 55-minute lessons including a community hui',
  research:
    SOC_MANUKAU.research +
    ' In the revised unit I also used Bishop\'s Te Kotahitanga findings on relational pedagogy and co-construction: students helped write the success criteria from exemplars, and they chose the question for their final explanation. The assessor\'s feedback on my first submission showed that my original design was strong on content but gave students little agency and did not show what they learned, so the revision builds in choice, co-constructed criteria and a pre- and post-assessment of historical explanation.',
  intentions: [
    'We are learning to describe how mana whenua have connected with the Manukau Harbour over time, and how that connection continues today.',
    'We are learning to compare perspectives in sources and to ask whose voices are missing.',
    'We are learning to explain how decisions in the past affect our community today, using evidence.',
  ],
  successCriteria: [
    { criterion: 'I can name places around the harbour and explain what their names tell us about the past.', evidence: 'Labelled map with at least three place names, meanings and a source for each.' },
    { criterion: 'I can identify whose perspective a source shows, whose is missing, and why that matters.', evidence: 'Source analysis table for two sources, with a "missing voices" column.' },
    { criterion: 'I can use evidence from at least two sources to support my explanation.', evidence: 'Explanation quotes or paraphrases two sources and names them.' },
    { criterion: 'I can connect a past decision to something in my community today.', evidence: 'Final paragraph links past to present with a specific example.' },
  ],
  lessons: [
    {
      title: 'Talanoa: our harbour, our stories',
      focus: 'Students share family stories about the harbour in talanoa groups, then we analyse which stories the class holds and whose are missing. This became the baseline for the unit.',
      launch: 'Photo of the harbour from Ihumātao. Each student writes one word on a sticky note; we cluster them on the board.',
      explore: 'Talanoa groups (four students, mixed by home suburb) share stories. A student facilitator in each group uses the talanoa prompts we agreed: listen fully, share in any language, no put-downs.',
      consolidate: 'Whole class: we map the stories and name the gaps. Students write a baseline paragraph: "How does the past shape the harbour today?"',
      check: 'Baseline paragraphs scored with the explanation rubric (pre-assessment). Listen for students connecting home stories to place.',
    },
    {
      title: 'Place names as sources',
      focus: 'Students research place names and, new in this version, choose three places connected to their own journeys around the harbour (school, church, sports ground, family home).',
      launch: 'Story behind the name Manukau, two different explanations: what makes a source trustworthy?',
      explore: 'Pairs research their chosen names using the council place-name guide and the iwi history; each meaning must be sourced.',
      consolidate: 'Students add their place names to the class map, and peer-check one another\'s sources with the success criteria.',
      check: 'Maps: accurate meanings with sources. Which pairs rely on a single website?',
    },
    {
      title: 'Building success criteria from exemplars',
      focus: 'Students compare three anonymous explanation paragraphs from last term and co-construct the success criteria we use for the rest of the unit.',
      launch: 'Rank the three exemplars from strongest to weakest on your own, then in pairs.',
      explore: 'Groups justify their rankings, and we turn their reasons into success criteria in students\' words ("uses at least two sources", "says whose voice is missing").',
      consolidate: 'Students self-assess their baseline paragraph against the new criteria and set one goal.',
      check: 'Do students\' reasons for ranking focus on evidence and perspective, or on length and neatness?',
    },
    {
      title: 'Confiscation: comparing perspectives',
      focus: 'Students analyse the 1863 proclamation and an account from a published iwi history, with a "missing voices" column added to the source table.',
      launch: 'Timeline card sort of 1840 to 1865; students place the proclamation on it.',
      explore: 'Jigsaw: expert groups analyse one source each, then teach their home group. Every group completes the perspective table.',
      consolidate: 'Hinge question on the board: which source would a historian use to understand why people defended their kāinga, and why? Answers on mini-whiteboards.',
      check: 'Mini-whiteboard answers: I regroup students who choose the proclamation without justification for a ten-minute follow-up.',
    },
    {
      title: 'Community hui: Pacific journeys and mana whenua today',
      focus: 'A kaumātua from the local marae and two Tongan grandparents from our school community speak with the class about their connections to the harbour. Students prepared questions in lesson 4.',
      launch: 'Mihi and welcome led by students; students explain the purpose of the hui to our guests.',
      explore: 'Guests share their stories; student interviewers ask prepared questions and follow-ups. Everyone takes notes against one of the success criteria.',
      consolidate: 'Students write a thank-you card that names one thing they learned and how it connects to a source we studied.',
      check: 'Notes and cards: do students connect the guests\' stories to the historical sources?',
    },
    {
      title: 'Writing, feedback and redrafting',
      focus: 'Students choose one of three questions for their final explanation, draft it, get peer feedback against the co-constructed criteria, and redraft.',
      launch: 'I model a paragraph from my own family\'s story of arriving in Ōtāhuhu, thinking aloud about evidence.',
      explore: 'Drafting, then structured peer feedback ("one criterion met, one to work on, one question") before redrafting.',
      consolidate: 'Students submit their final paragraph with their baseline paragraph and write a sentence on what changed.',
      check: 'Final paragraphs scored with the same rubric as the baseline (post-assessment).',
    },
  ],
  differentiation: [
    'Sentence starters and a glossary in English, Tongan, Samoan and te reo Māori, co-written with students who speak those languages.',
    'Students could draft orally in talanoa groups and record before writing.',
    'Choice of three final questions, one of which focuses on a current issue (Ihumātao or harbour water quality).',
    'Extension: students compare a newspaper report on Ihumātao from 2019 with the 1863 proclamation.',
  ],
  assessment:
    'The same four-level explanation rubric was used for the baseline paragraph (lesson 1) and the final paragraph (lesson 6), so I can compare growth. Formative evidence came from the place-name maps, the hinge question in lesson 4 and the peer feedback sheets. I analysed results for Pacific, Māori and other students separately.',
  resources: [
    'Auckland Council place-name guide; published iwi history extracts; the 1863 proclamation.',
    'Exemplar paragraphs (anonymised) and the co-constructed criteria poster.',
    'Hui question plan and the koha and kai arrangements made with the school\'s Pasifika and Māori whānau groups.',
  ],
  samplesIntro:
    'Baseline and final paragraphs for three students, chosen to show a range, with their self-assessment and my feedback. The same rubric was used for both.',
  samples: [
    {
      student: 'Losaline (baseline level 2, final level 4)',
      task: 'Final explanation (her choice): How did the 1863 confiscations change people\'s relationship with the harbour, and what does that mean today?',
      response:
        'The government\'s proclamation in 1863 called the people of the Manukau rebels, but the iwi history we read says they were defending their kāinga and gardens. Both sources agree the land was taken, but only the iwi history shows what was lost: the gardens, the fishing grounds and the right to look after the harbour. The kaumātua at our hui said his grandparents could not fish where their own grandparents had fished. That is why the protest at Ihumātao mattered so much in 2019: it was about getting back the right to be kaitiaki. My own family came from Tonga in 1974 and we fish off the same wharf now, so I think we should learn this history as well.',
      feedback: 'A powerful explanation: you compare two sources, use the hui as evidence, and connect past and present through your own family. Next step: consider whose perspective is still missing (for example, the settlers who bought confiscated land).',
      self: ['Got it', 'Got it', 'Got it', 'Got it'],
      next: 'Losaline read her paragraph to the kaumātua at our follow-up visit to the marae.',
    },
    {
      student: 'Kaleb (baseline level 1, final level 3)',
      task: 'Final explanation (his choice): Why does the harbour matter to different groups in our community?',
      response:
        'The harbour matters to mana whenua because it was their food basket, which is what the place name research showed us, and because the land around it was confiscated in 1863 (the proclamation). It matters to Pacific families like mine because a lot of us fish there and go to church near it. The kaumātua said the harbour is like a person and needs to be looked after. Pollution from factories is a problem for all groups now.',
      feedback: 'Big step up from your baseline: you now name your sources and include two perspectives. Next step: explain how the confiscation links to the pollution or to who makes decisions about the harbour today.',
      self: ['Got it', 'Nearly', 'Got it', 'Nearly'],
    },
    {
      student: 'Ana (baseline level 2, final level 2)',
      task: 'Final explanation (her choice): How did the 1863 confiscations change people\'s relationship with the harbour?',
      response:
        'In 1863 the government took the land from Māori. This was because of the war. Māori could not use the land anymore and they were sad. Today there are still protests about it.',
      feedback: 'You have the key events in the right order. To show the criteria, use what the two sources say and explain which perspective each shows.',
      self: ['Nearly', 'Not yet', 'Not yet', 'Nearly'],
      next: 'Ana was away for the jigsaw lesson and the hui. We have planned a catch-up with the source pack and a recorded talanoa with her grandmother.',
    },
  ],
  classPatterns: [
    ['Final paragraph at level 3 or 4 of the explanation rubric', '19 of 28 (baseline: 6 of 28)', 'Kept co-constructed criteria and peer feedback for the next unit.'],
    ['Used two or more named sources', '21 of 28', 'Jigsaw and source tables worked; will add a "sources" checklist to the template.'],
    ['Identified a missing perspective', '13 of 28', 'Next unit starts with a "whose voice is missing?" routine every lesson.'],
  ],
};

export const DIGITECH: UnitPack = {
  learningArea: 'Technology (Digital Technologies)',
  yearLevel: 'Year 12',
  className: '12DTG (19 students)',
  unitTitle: 'Designing for a real client: iterative prototyping',
  term: 'Term 2, 2026',
  duration: 'six weeks, four 60-minute periods a week (summary of key lessons)',
  context:
    '12DTG has 19 students, 15 boys and 4 girls, several of whom chose the subject for game design and had not worked with a real client before. In 2025 most students produced polished outcomes but their iterative development evidence was thin: they built, then wrote about building. This unit pairs each group with a real client from the school or community (the library, the marae committee, the sports department, a local café) and makes user testing and iteration visible every week.',
  curriculum: [
    'NZC Technology, Level 7, Designing and developing digital outcomes: use an iterative process to develop a digital outcome, testing with end users.',
    'Technological practice: brief development, planning for practice, outcome development and evaluation.',
    'NCEA Level 2 Digital Technologies: develop a digital outcome using an iterative design process (internal).',
    'Key competencies: relating to others (working with clients), managing self (sprint planning).',
  ],
  research:
    'The unit borrows from design thinking and agile practice (short sprints, user stories, retrospectives) because they make iteration routine rather than an afterthought. Research on authentic learning (Herrington and colleagues) suggests real clients raise the stakes and the quality of reflection. I used Kapur\'s "productive failure" idea deliberately in week 1: groups build a quick paper prototype before any instruction on usability heuristics, then revise it once they have them.',
  intentions: [
    'We are learning to develop a digital outcome iteratively, using feedback from real users.',
    'We are learning to evaluate our design against usability heuristics and the client\'s needs.',
    'We are learning to manage our own project using sprints and retrospectives.',
  ],
  successCriteria: [
    { criterion: 'I can write user stories that describe what my client needs and why.', evidence: 'At least five user stories in "As a..., I want..., so that..." form, agreed with the client.' },
    { criterion: 'I can test a prototype with users and record what I learned.', evidence: 'Testing notes from at least two rounds with changes listed.' },
    { criterion: 'I can justify design decisions using heuristics and feedback.', evidence: 'Decision log entries that cite a heuristic or user comment.' },
    { criterion: 'I can plan and review my work in sprints.', evidence: 'Sprint board and retrospective notes for each week.' },
  ],
  lessons: [
    {
      title: 'Meeting the client and writing user stories',
      focus: 'Clients visit the class; groups interview them and turn the interview into user stories and a brief.',
      launch: 'Show two briefs from last year: one vague, one specific. Which would you rather build from?',
      explore: 'Client interviews (20 minutes) using question stems; groups draft user stories and read them back to the client for correction.',
      consolidate: 'Groups post their top three user stories on the sprint board and estimate effort.',
      check: 'User stories: do they say who, what and why? Are they the client\'s needs or the students\' ideas?',
    },
    {
      title: 'Paper prototypes and productive failure',
      focus: 'Groups build paper prototypes in 25 minutes, test with another group, then learn Nielsen\'s heuristics and critique their own prototype.',
      launch: 'Timer on the board: 25 minutes to make a paper prototype of your main screen.',
      explore: 'Hallway testing with another group playing the client\'s users; then a mini-lesson on five usability heuristics; groups annotate their prototype with heuristic violations.',
      consolidate: 'Each group records two design decisions in their decision log, citing a heuristic.',
      check: 'Decision logs: do students cite heuristics accurately, or just say "it looks better"?',
    },
    {
      title: 'Sprint review with the client',
      focus: 'After two sprints groups demonstrate a working prototype to the client, gather feedback and plan changes.',
      launch: 'Review the feedback protocol: clients speak first, students only ask clarifying questions.',
      explore: 'Client demos (10 minutes each group) while other groups user-test each other\'s prototypes with a think-aloud script.',
      consolidate: 'Retrospective: what went well, what didn\'t, what we will change in the next sprint.',
      check: 'Testing notes: are changes traced to specific feedback? Who is doing the testing in each group?',
    },
    {
      title: 'Evaluating the outcome',
      focus: 'Groups evaluate their outcome against the brief, heuristics and user feedback, and present to the client.',
      launch: 'Model an evaluation paragraph that weighs a trade-off (speed of development versus accessibility).',
      explore: 'Groups write evaluations individually, then peer review against the success criteria.',
      consolidate: 'Final client presentations and handover.',
      check: 'Evaluations: do students weigh trade-offs and use evidence from testing?',
    },
  ],
  differentiation: [
    'Groups formed by skill mix (design, coding, project management) after a short skills survey; roles rotate after sprint 2.',
    'Code-along videos for students new to the framework; an extension challenge to add accessibility testing with a screen reader.',
    'Decision log template with sentence starters for students who find written reflection hard.',
  ],
  assessment:
    'Formative: weekly sprint reviews, decision logs and testing notes, with written feedback each Friday. Students completed a 25-item pre- and post-quiz on iterative design and usability concepts. Summative: the NCEA internal, assessed from the project portfolio; I compare the quality of iterative evidence with the 2025 cohort using the same marking schedule.',
  resources: [
    'Client briefs and contact protocol (signed by clients).',
    'Figma (education licence), paper prototyping kits, school GitHub Classroom.',
    'Nielsen\'s ten usability heuristics (simplified poster), think-aloud testing script.',
  ],
  samplesIntro: 'Extracts from three students\' decision logs and testing notes, showing how they used feedback during development.',
  samples: [
    {
      student: 'Nikau (library booking app)',
      task: 'Decision log entry after sprint review 1.',
      response:
        'Decision: move the "Book a room" button to the top of the home screen. Evidence: 4 of 5 testers looked for it at the top and two gave up. Heuristic: match between system and the real world, and recognition rather than recall. The librarian also said students usually come to book on their phone between classes, so it has to be the first thing they see. Trade-off: the news feed goes lower, but the librarian agreed that booking matters more.',
      feedback: 'A model entry: evidence from testing, a heuristic and the client\'s context, and a trade-off you negotiated. Next: retest to check the change worked.',
      self: ['Got it', 'Got it', 'Got it', 'Nearly'],
    },
    {
      student: 'Sophie (café loyalty web app)',
      task: 'Testing notes from round 2.',
      response:
        'Tested with 3 Year 9s and the café owner. Everyone found the stamp card. The owner wanted the points to reset after 10 coffees but users wanted to see their history. We changed it to show the last 10 visits. One user thought the grey button was disabled so we changed the colour to green.',
      feedback: 'Good record of who tested and what changed. Link the button colour change to a heuristic (visibility of system status) and note how you will check it works.',
      self: ['Got it', 'Got it', 'Nearly', 'Got it'],
    },
    {
      student: 'Ethan (sports results dashboard)',
      task: 'Retrospective, sprint 2.',
      response:
        'Went well: got the database working. Didn\'t go well: we didn\'t test with anyone because we were behind. Change: book testers at the start of the sprint, not the end.',
      feedback: 'Honest retrospective, and the change is the right one. Make sure sprint 3 includes testing with the sports coordinator and at least two students.',
      self: ['Got it', 'Not yet', 'Nearly', 'Nearly'],
      next: 'Ethan\'s group tested with six users in sprint 3 and rebuilt the results filter as a result.',
    },
  ],
  classPatterns: [
    ['Decision log entries citing a heuristic or user evidence', '14 of 19 by week 4 (3 of 19 in week 1)', 'Added a decision log check to every sprint review.'],
    ['Groups that tested with real users every sprint', '4 of 6 groups', 'Testing now booked at the start of each sprint.'],
    ['Students who could explain a trade-off in evaluation', '11 of 19', 'Modelled trade-off paragraphs; will start earlier next year.'],
  ],
};

export const BIO_STREAM: UnitPack = {
  learningArea: 'Science',
  yearLevel: 'Year 9',
  className: '9SCI5 (26 students)',
  unitTitle: 'Te mauri o te wai: the health of our stream',
  term: 'Term 3, 2026',
  duration: 'five weeks, three lessons a week, including two field trips',
  context:
    '9SCI5 is a Year 9 class of 26 at Porirua Harbour College: eight Māori, nine Pacific and nine Pākehā or Asian students. The Kenepuru Stream runs 400 m from school and into Te Awarua-o-Porirua harbour, which many students\' families fish and gather kai from. Students told me in a class survey that they "don\'t do real science" in Year 9. I wanted them to collect real data on a real place and share it with people who care about it, including the local iwi environmental unit and the regional council\'s community monitoring programme.',
  curriculum: [
    'NZC Science, Level 4-5, Living World, Ecology: explain how living things are suited to their particular habitat and how they respond to environmental changes.',
    'Planet Earth and Beyond: investigate the water cycle and its effect on climate, landforms and life.',
    'Nature of Science, Participating and contributing: use their growing science knowledge when considering issues of concern to them; explore various aspects of an issue and make decisions about possible actions.',
    'Connections to mātauranga Māori: mauri, kaitiakitanga and indicators of stream health used by mana whenua.',
  ],
  research:
    'The design uses citizen science (Bonney et al.) and place-based learning, both linked to greater science identity in students who do not see themselves as "science people". The Science Learning Hub\'s work on mātauranga Māori and science informed how we present mauri alongside macroinvertebrate indices: as two knowledge systems that can inform each other, not one as a "cultural add-on". Field work is scaffolded with explicit teaching of sampling and identification beforehand so that time at the stream is spent collecting data, not learning procedures.',
  intentions: [
    'We are learning to use living things as indicators of stream health.',
    'We are learning to collect, record and interpret data from a real environment.',
    'We are learning how mātauranga Māori and science can both help us understand and care for a place.',
  ],
  successCriteria: [
    { criterion: 'I can identify common stream invertebrates and say what they tell us.', evidence: 'Identification sheet with at least six taxa and their sensitivity.' },
    { criterion: 'I can collect and record data carefully so others can trust it.', evidence: 'Field sheet complete with site, time, method and counts.' },
    { criterion: 'I can calculate and interpret a stream health score.', evidence: 'MCI-style score calculated and compared with the scale.' },
    { criterion: 'I can explain what the mauri of the stream means and how we could help it.', evidence: 'Report section connecting data, mauri and an action.' },
  ],
  lessons: [
    {
      title: 'What does a healthy stream look like?',
      focus: 'Students share what they know about local streams and the harbour; a guest from the iwi environmental unit introduces the idea of mauri and how it is recognised.',
      launch: 'Photos of three streams: rank them from healthiest to least healthy and justify.',
      explore: 'Guest kōrero, then students list indicators from both knowledge systems on a two-column chart.',
      consolidate: 'Each student writes a question they want answered at the stream.',
      check: 'Questions: are they investigable? Which indicators do students already know?',
    },
    {
      title: 'Meet the invertebrates',
      focus: 'Explicit teaching of invertebrate identification using preserved samples and the SHMAK identification guide.',
      launch: 'Mystery bug under the visualiser: what features might help identify it?',
      explore: 'Stations with preserved mayfly, caddisfly, stonefly, snail and worm samples. Students use the key and record sensitivity scores.',
      consolidate: 'Quick quiz on mini-whiteboards: show the photo, students write the name and sensitivity.',
      check: 'Quiz: which taxa are students mixing up? (Usually mayfly and stonefly nymphs.)',
    },
    {
      title: 'Field trip: sampling the Kenepuru Stream',
      focus: 'Groups sample two sites (upstream and downstream of the culvert), record water temperature, clarity and invertebrates.',
      launch: 'Safety briefing and karakia at the stream; roles assigned (sampler, sorter, recorder, photographer).',
      explore: 'Kick-net sampling, sorting trays and identification; clarity tube and temperature readings; photos of habitat.',
      consolidate: 'Back at school: groups enter data in the shared spreadsheet.',
      check: 'Field sheets: complete and legible? Any impossible counts to follow up?',
    },
    {
      title: 'Making sense of our data',
      focus: 'Students calculate a stream health score for each site, compare the sites and look for reasons for differences.',
      launch: 'Worked example of calculating a score from a sample table.',
      explore: 'Groups calculate scores, graph the two sites, and compare with regional council data from 2019.',
      consolidate: 'Claim-evidence-reasoning paragraph about the difference between sites.',
      check: 'CER paragraphs: does the reasoning link sensitive taxa to water quality?',
    },
    {
      title: 'Reporting back and taking action',
      focus: 'Students present findings to the iwi environmental unit and the council\'s community monitoring officer, and propose an action.',
      launch: 'Review presentation criteria and practise a mihi to open the presentation.',
      explore: 'Group presentations with questions from guests.',
      consolidate: 'Individual reflection: what did I learn about the stream and about being a scientist?',
      check: 'Reflections: do students see themselves as able to do science?',
    },
  ],
  differentiation: [
    'Identification cards with photos and simple descriptions; a buddy system for the field trip.',
    'Extension: three students compared our results with the council\'s ten-year dataset.',
    'Presentation roles allocated so every student speaks, with the option of a recorded contribution.',
  ],
  assessment:
    'Formative: identification quiz, field sheets, CER paragraphs with written feedback. Summative: a group report and presentation assessed against the success criteria, and an individual reflection. I also repeated the Year 9 science identity survey at the start and end of the unit.',
  resources: [
    'SHMAK (Stream Health Monitoring and Assessment Kit) identification guide and kick nets.',
    'Clarity tube, thermometers, sorting trays, hand lenses.',
    'Regional council stream data; iwi environmental unit presentation on mauri indicators.',
  ],
  samplesIntro: 'Extracts from students\' reports.',
  samples: [
    {
      student: 'Hine (group 3)',
      task: 'Claim-evidence-reasoning: why are the two sites different?',
      response:
        'Claim: the upstream site is healthier than the downstream site. Evidence: we found 14 mayfly and 6 caddisfly upstream but only 1 mayfly downstream, where there were lots of worms and snails. The score was 112 upstream and 78 downstream. Reasoning: mayfly need clean water with lots of oxygen. Below the culvert the water was murkier (clarity 38 cm compared to 65 cm) and warmer, so sensitive animals can\'t live there. The mauri is weaker downstream.',
      feedback: 'Strong CER with data from two measures. Consider whether one sample from each site is enough to be confident.',
      self: ['Got it', 'Got it', 'Got it', 'Got it'],
    },
    {
      student: 'Sefo (group 1)',
      task: 'Claim-evidence-reasoning: why are the two sites different?',
      response: 'Upstream is better because there were more bugs. Downstream had rubbish and it smelled.',
      feedback: 'You noticed important evidence. Use your counts of sensitive animals and the score to support your claim.',
      self: ['Nearly', 'Got it', 'Not yet', 'Nearly'],
    },
  ],
  classPatterns: [
    ['Correctly identified six or more taxa', '22 of 26', 'Extra practice on mayfly and stonefly before second trip.'],
    ['CER reasoning linked sensitive taxa to water quality', '15 of 26', 'Re-taught with a worked example and sentence frames.'],
  ],
};

export const MATHS_STATS: UnitPack = {
  learningArea: 'Mathematics and Statistics',
  yearLevel: 'Year 9',
  className: '9MAT2 (28 students)',
  unitTitle: 'Statistical investigations: how do we get to school?',
  term: 'Term 1, 2026',
  duration: 'eight 50-minute lessons',
  context:
    '9MAT2 is a new Year 9 class of 28 from nine contributing schools. The diagnostic at the start of the year showed wide differences: some students could read and compare dot plots confidently, others had not met the statistical enquiry cycle. In class, the same few students answered questions while others waited. I wanted to use formative assessment deliberately so that I could see every student\'s thinking and respond within the lesson, and so that students knew what quality looked like in a statistical report.',
  curriculum: [
    'NZC Mathematics and Statistics, Level 4-5, Statistical investigation: plan and conduct investigations using the statistical enquiry cycle (PPDAC); justify variables and measures; compare distributions visually.',
    'Statistical literacy: evaluate statements made by others about the findings of statistical investigations.',
    'Key competencies: thinking, using language, symbols and texts.',
  ],
  research:
    'The approach follows Wiliam and Thompson\'s five key strategies of formative assessment: clarifying intentions and criteria, eliciting evidence, feedback that moves learners forward, activating students as resources for one another and as owners of their learning. Hinge questions were designed with distractors based on known misconceptions about distributions (Watson, 2006).',
  intentions: [
    'We are learning to pose an investigative question that can be answered with data.',
    'We are learning to describe and compare distributions using the features of dot plots and box plots.',
    'We are learning to write a conclusion that answers the question and is supported by evidence.',
  ],
  successCriteria: [
    { criterion: 'My question compares two groups and names the variable and the population.', evidence: '"I wonder if Year 9 students who walk to school live closer than those who are driven?"' },
    { criterion: 'I describe shape, middle and spread with numbers and units.', evidence: '"The median distance for walkers is 1.2 km; the middle 50% is between 0.8 and 1.9 km."' },
    { criterion: 'I compare the groups using overlap and shift.', evidence: '"The box for driven students is shifted to the right and overlaps only a little."' },
    { criterion: 'My conclusion answers my question and says how sure I am.', evidence: '"I think Year 9 walkers tend to live closer, because..."' },
  ],
  lessons: [
    {
      title: 'What makes a good investigative question?',
      focus: 'Students sort questions into investigative and not investigative, then build the success criteria for questions from the sort.',
      launch: 'Mini-whiteboards: write a question you could answer with our class survey data.',
      explore: 'Card sort of 12 questions in pairs, then whole-class discussion of the ones pairs disagreed on; we co-construct the first success criterion.',
      consolidate: 'Students write a question for the class data and peer-check it with the criterion.',
      check: 'Mini-whiteboards and questions: which students write summary questions rather than comparison questions?',
    },
    {
      title: 'Reading dot plots: shape, middle, spread',
      focus: 'Students describe distributions, using a hinge question to check understanding of spread before moving on.',
      launch: 'Two dot plots of travel time; "What do you notice? What do you wonder?"',
      explore: 'Modelled description with a think-aloud, then pairs describe a second plot. Hinge question (A-D cards): which plot has the greater spread? Distractors target the "taller is more spread" misconception.',
      consolidate: 'Students who chose the correct card extend with box plots; the rest join me for a 10-minute re-teach with physical counters.',
      check: 'Hinge question responses: I record the number choosing each option and regroup students immediately.',
    },
    {
      title: 'Comparing groups: shift and overlap',
      focus: 'Students compare box plots for two groups and build the criterion for comparison from exemplars.',
      launch: 'Three anonymous comparison statements: rank them and explain.',
      explore: 'Pairs compare box plots of distance for walkers and driven students, writing statements against the new criterion.',
      consolidate: 'Peer feedback with the "two stars and a wish" frame, then one redraft.',
      check: 'Statements: do students refer to shift and overlap, or only compare medians?',
    },
    {
      title: 'Writing the conclusion',
      focus: 'Students write a full report and self-assess against all the success criteria before handing in.',
      launch: 'Exemplar conclusion annotated with the criteria.',
      explore: 'Students write their own conclusions; I conference with six students identified from exit tickets.',
      consolidate: 'Self-assessment traffic lights on each criterion; students write one question they have for me.',
      check: 'Self-assessment compared with my judgement: how accurate are students becoming?',
    },
  ],
  differentiation: [
    'Statistics word wall with sentence frames for describing and comparing.',
    'Students could use the class data or their own data from home (with a template).',
    'Extension: informal confidence using sample size and re-randomisation with the online tool.',
  ],
  assessment:
    'A pre-test in Week 1 and the same test in Week 8 (25 marks). Formative evidence every lesson: mini-whiteboards, hinge questions, exit tickets sorted into three piles, and self-assessment on the success criteria. Feedback on draft reports was comment-only, with a response required.',
  resources: [
    'Class survey data (travel mode, distance, time) and CensusAtSchool data.',
    'A-D response cards, mini-whiteboards, exit ticket templates.',
    'NZGrapher for plots; exemplar reports from NZMaths.',
  ],
  samplesIntro: 'Draft and redraft comparisons, with peer and self-assessment against the success criteria.',
  samples: [
    {
      student: 'Aisha',
      task: 'Compare the distances for students who walk and students who are driven.',
      response:
        'Draft: The driven students live further away. Peer comment (Sam): "You need numbers. What about overlap?" Redraft: The median distance for driven students is 4.1 km and for walkers it is 1.2 km. The box for driven students is shifted to the right and only overlaps with the top of the walkers\' box, so I think driven students tend to live further from school. The spread is much bigger for driven students (IQR 3.6 km compared with 1.1 km).',
      feedback: 'Your redraft uses shift, overlap and spread with numbers, exactly as in our criteria. Next step: say how confident you are and why.',
      self: ['Got it', 'Got it', 'Got it', 'Nearly'],
    },
    {
      student: 'Rawiri',
      task: 'Compare the distances for students who walk and students who are driven.',
      response:
        'Draft: Walkers 1.2 driven 4.1. Redraft after conference: The median for driven students is 4.1 km which is higher than walkers (1.2 km). The driven box is shifted right. There is not much overlap.',
      feedback: 'You now describe shift and overlap. Next step: explain what that means for your question, in a sentence that starts "I think...".',
      self: ['Got it', 'Nearly', 'Got it', 'Not yet'],
      next: 'Rawiri\'s final report included a conclusion sentence; his post-test score rose from 9/25 to 19/25.',
    },
    {
      student: 'Mia',
      task: 'Peer assessment of a classmate\'s report.',
      response:
        'Star 1: you used the median and the IQR. Star 2: your question has the variable and population. Wish: you said the groups are "different" but not how. Use shift or overlap.',
      feedback: 'This is specific, kind and useful peer feedback: it uses the criteria language and tells your partner exactly what to do.',
      self: ['Got it', 'Got it', 'Got it', 'Got it'],
    },
  ],
  classPatterns: [
    ['Hinge question on spread answered correctly (first attempt)', '12 of 28', 'Immediate re-teach for 16 students with counters; 24 of 28 correct on the follow-up question.'],
    ['Comparisons referring to shift and overlap (redraft)', '22 of 28 (draft: 7 of 28)', 'Peer feedback against the criteria made the biggest difference.'],
    ['Self-assessment matching my judgement', '19 of 28 by lesson 8 (lesson 4: 11 of 28)', 'Continue calibrating with exemplars.'],
  ],
};

export const ENG_PERSUASIVE: UnitPack = {
  learningArea: 'English',
  yearLevel: 'Year 11',
  className: '11ENG1 (24 students)',
  unitTitle: 'Speaking up: crafting a persuasive speech',
  term: 'Term 2, 2026',
  duration: 'seven 60-minute lessons',
  context:
    '11ENG1 has 24 students: eleven Pacific, seven Māori, and six from other backgrounds. Many are confident speakers in church, sport and family settings but say they "can\'t write essays". The speech is an NCEA Level 1 internal; last year\'s results in this course were lower for Pacific students than for others, and our department inquiry found students did not know what a "convincing" speech looked like until they were marked. I wanted to make quality visible early and use students\' existing strengths in oratory.',
  curriculum: [
    'NZC English, Level 6, Speaking, writing and presenting: purposes and audiences, ideas, language features, structure.',
    'NCEA Level 1 English: create a crafted and controlled spoken text (internal).',
    'Key competencies: using language, symbols and texts; relating to others.',
  ],
  research:
    'I used Wiliam\'s formative strategies, with particular attention to co-constructing criteria from exemplars (Sadler\'s idea that students need a concept of quality similar to the teacher\'s). The unit also draws on Pacific oratory traditions and the Tapasā framework: students analysed speeches by Pacific leaders and family orators alongside famous speeches.',
  intentions: [
    'We are learning to identify what makes a speech persuasive for a particular audience.',
    'We are learning to use language techniques deliberately and explain their effect.',
    'We are learning to give and use feedback to improve our speeches.',
  ],
  successCriteria: [
    { criterion: 'My speech has a clear position and a hook that suits my audience.', evidence: 'Opening that grabs attention and states my view.' },
    { criterion: 'I use at least three techniques on purpose and can say why.', evidence: 'Annotated script: technique, example, intended effect.' },
    { criterion: 'My structure builds to a strong ending.', evidence: 'Argument order planned; ending calls the audience to act or think.' },
    { criterion: 'I use my voice and body to support my message.', evidence: 'Peer feedback on pace, pause, eye contact.' },
  ],
  lessons: [
    {
      title: 'What makes a speech land?',
      focus: 'Students watch three short speeches (a Pacific leader, a student, a famous historical speech) and rank them, then co-construct success criteria.',
      launch: 'Quick write: a time someone persuaded you to change your mind.',
      explore: 'Rank the speeches in groups and list reasons; we cluster reasons into criteria in students\' words.',
      consolidate: 'Exit ticket: which criterion do you already do well when you speak at home or church?',
      check: 'Reasons: are students noticing techniques and structure, or only delivery?',
    },
    {
      title: 'Techniques on purpose',
      focus: 'Students learn to name techniques and, more importantly, explain their effect on a particular audience.',
      launch: 'Hinge question: which sentence uses a rhetorical question to make the audience feel responsible? (Four options on A-D cards.)',
      explore: 'Students annotate a speech extract; then write three sentences on their own topic using different techniques.',
      consolidate: 'Pairs swap and name the technique and the effect.',
      check: 'A-D cards: I regroup students who confuse technique and effect.',
    },
    {
      title: 'Drafting and peer feedback',
      focus: 'Students draft their speech and use structured peer feedback against the criteria.',
      launch: 'Model feedback: "You said..., I felt..., try...".',
      explore: 'Drafting; triads give feedback using the frame and the criteria.',
      consolidate: 'Students record which feedback they will act on and why.',
      check: 'Feedback sheets: are comments specific and tied to criteria?',
    },
    {
      title: 'Rehearsal and delivery',
      focus: 'Students rehearse in small groups with video on their phones, self-assess, and set a delivery goal.',
      launch: 'Watch a short clip of a speech with pauses removed, then with pauses: what changed?',
      explore: 'Rehearsal circles: each student delivers, receives one "glow" and one "grow", watches their own video.',
      consolidate: 'Self-assessment on the delivery criterion and a written delivery goal.',
      check: 'Goals: do students name specific behaviours (pause, pace) rather than "be confident"?',
    },
  ],
  differentiation: [
    'Students can draft orally first, recording on their phone, then transcribe.',
    'Topic choice from a list or own choice approved with me; several chose topics about their communities.',
    'Extension: speech for a different audience, with an explanation of changes.',
  ],
  assessment:
    'Pre-test: an unseen speech extract with questions on techniques and effects (scored out of 30) in week 1, repeated in week 6. Formative evidence from hinge questions, exit tickets and feedback sheets. The speech was assessed as the NCEA internal.',
  resources: [
    'Video clips of three speeches; annotated exemplar scripts.',
    'A-D cards; feedback frames; rehearsal checklists.',
    'Tapasā framework notes for my own planning.',
  ],
  samplesIntro: 'Draft and redraft extracts from two students, with peer feedback and my comments.',
  samples: [
    {
      student: 'Tevita',
      task: 'Opening of your speech, draft and redraft.',
      response:
        'Draft: Today I am going to talk about why we need more Pacific teachers. Peer feedback: "Start with a story, like you do at youth group." Redraft: When I was eight, my teacher called me "Tevitar" for a whole year. I never corrected her. Nobody in that school looked like me or said my name right. Today I want to convince you that every student deserves at least one teacher who can say their name the way their grandmother does.',
      feedback: 'Your redraft hooks us with a personal story and states a clear position. The line about your grandmother is powerful. Next: use a pause after "I never corrected her".',
      self: ['Got it', 'Nearly', 'Got it', 'Nearly'],
    },
    {
      student: 'Kiri',
      task: 'Annotated technique table.',
      response:
        'Technique: rule of three. Example: "It\'s cheaper, it\'s healthier, and it\'s ours." Effect: makes the ending memorable. Technique: rhetorical question. Example: "Who decided that?" Effect: makes the audience feel they should have asked.',
      feedback: 'You explain effects on the audience, not only name techniques. Next: add a third technique linked to your audience of Year 9s.',
      self: ['Got it', 'Got it', 'Nearly', 'Not yet'],
    },
  ],
  classPatterns: [
    ['Explained effect as well as naming technique (hinge question)', '9 of 24 first time; 19 of 24 after regrouping', 'Kept the effect sentence frame visible on the board.'],
    ['Acted on at least one peer comment in the redraft', '20 of 24', 'Will use triads again; pairs were less productive.'],
  ],
};

export const MATHS_PATTERNS: UnitPack = {
  learningArea: 'Mathematics and Statistics',
  yearLevel: 'Year 9',
  className: '9MA4 (25 students)',
  unitTitle: 'Patterns and linear relationships',
  term: 'Term 2, 2026',
  duration: 'six 50-minute lessons',
  context:
    '9MA4 is a Year 9 class of 25. Many students find algebra difficult and several have said they "are not maths people". I wanted to use formative assessment to help them see their progress.',
  curriculum: [
    'NZC Mathematics, Level 4-5, Patterns and relationships: generalise the properties of linear patterns; relate tables, graphs and equations.',
    'Key competencies: thinking, using language, symbols and texts.',
  ],
  research: 'I used ideas from Wiliam\'s Embedded Formative Assessment, particularly learning intentions, exit tickets and feedback.',
  intentions: [
    'We are learning to continue and describe patterns.',
    'We are learning to write a rule for a linear pattern.',
    'We are learning to connect tables, graphs and rules.',
  ],
  successCriteria: [
    { criterion: 'I can continue a pattern and find the next three terms.', evidence: 'Correct next terms.' },
    { criterion: 'I can write a rule in words and with symbols.', evidence: 'Rule such as "multiply by 3 and add 2" and y = 3x + 2.' },
    { criterion: 'I can draw a graph from a table.', evidence: 'Correctly plotted points.' },
  ],
  lessons: [
    {
      title: 'Matchstick patterns',
      focus: 'Students build matchstick patterns and continue them.',
      launch: 'Show a pattern of squares made from matchsticks.',
      explore: 'Students build the next three terms and record in a table.',
      consolidate: 'Exit ticket: how many matchsticks in term 10?',
      check: 'Exit tickets marked right or wrong.',
    },
    {
      title: 'Writing rules',
      focus: 'Students write rules for patterns in words and symbols.',
      launch: 'Worked example on the board.',
      explore: 'Worksheet of ten patterns.',
      consolidate: 'Go over answers together.',
      check: 'Worksheets collected and marked.',
    },
    {
      title: 'Graphs of patterns',
      focus: 'Students plot patterns as graphs.',
      launch: 'Recap of plotting points.',
      explore: 'Students plot three patterns from tables.',
      consolidate: 'Discuss what the graphs have in common.',
      check: 'Graphs checked for accuracy.',
    },
  ],
  differentiation: ['Extension worksheet for students who finish early.', 'Help from me for students who are stuck.'],
  assessment: 'A pre-test and post-test on patterns (20 marks). Exit tickets each lesson.',
  resources: ['Matchsticks, worksheets, graph paper.', 'NZMaths pattern resources.'],
  samplesIntro: 'Two samples from the worksheet on rules.',
  samples: [
    {
      student: 'Liam',
      task: 'Write a rule for the pattern 5, 8, 11, 14.',
      response: 'Add 3 each time. Rule: n + 3.',
      feedback: 'Good start. 6/10.',
      self: ['Got it', 'Got it', 'Nearly'],
    },
    {
      student: 'Ngaio',
      task: 'Write a rule for the pattern 5, 8, 11, 14.',
      response: 'It goes up in 3s so the rule is 3n + 2.',
      feedback: 'Excellent! 10/10.',
      self: ['Got it', 'Got it', 'Got it'],
    },
  ],
  classPatterns: [['Could write a rule in symbols', '10 of 25', 'Will revise before the test.']],
};

/** Grace's unit as retaught after feedback on her first submission. */
export const MATHS_PATTERNS_REVISED: UnitPack = {
  ...MATHS_PATTERNS,
  className: '9MA4 (25 students)',
  term: 'Term 3, 2026',
  duration: 'seven 50-minute lessons',
  context:
    '9MA4 is a Year 9 class of 25: seven Māori and four Pacific students, and five students receiving learning support. In Term 2 my exit tickets told me who was wrong but not why, and my feedback was mostly marks. After the assessor\'s feedback I retaught linear patterns in Term 3 with three changes: success criteria built with the students from worked examples, hinge questions designed around the misconception I saw most ("recursive rule only": add 3 each time, written as n + 3), and comment-only feedback that students had to respond to in the next lesson.',
  research:
    'This version draws on Wiliam\'s five strategies more deliberately, especially the design of hinge questions with diagnostic distractors, and on Hattie and Timperley\'s feedback model (Where am I going? How am I going? Where to next?). Research on comment-only marking (Butler, 1988) convinced me to remove marks from feedback on drafts. I also used the Mathematics Hub\'s progressions to identify the step from recursive to functional thinking that many students need support with.',
  intentions: [
    'We are learning to describe how a pattern grows, in words and with a rule that works for any term.',
    'We are learning to connect the rule to the picture, the table and the graph.',
    'We are learning to check our own rules and help others check theirs.',
  ],
  successCriteria: [
    { criterion: 'I can describe how the pattern grows and what stays the same.', evidence: '"It adds 3 each time, and there is always 2 extra."' },
    { criterion: 'I can write a rule that works for ANY term (not just the next one).', evidence: 'Rule that uses the term number: n = 3t + 2, tested on term 10.' },
    { criterion: 'I can show where each part of my rule is in the picture.', evidence: 'Diagram with the "3t" and the "+2" coloured differently.' },
    { criterion: 'I can use a table or graph to check a rule.', evidence: 'Checks at least two terms and fixes the rule if needed.' },
  ],
  lessons: [
    {
      title: 'Building success criteria from worked examples',
      focus: 'Students compare two worked examples (a recursive rule and a rule for any term) for the same matchstick pattern and build our criteria from the comparison.',
      launch: 'Matchstick pattern on the visualiser: how many sticks in term 100? Students estimate on mini-whiteboards.',
      explore: 'Pairs compare Worked Example A (add 3 each time) and B (3 times the term number plus 2): which one gets term 100 faster, and why? We turn their reasons into criteria.',
      consolidate: 'Students self-assess against criteria 1 and 2 using their pre-test question 4.',
      check: 'Estimates for term 100 and the pair discussions: who can already see the term number in the pattern?',
    },
    {
      title: 'Seeing the rule in the picture',
      focus: 'Students colour-code patterns to show the multiplier and the constant, then write rules.',
      launch: 'Hinge question (A-D): which rule matches the pattern 5, 8, 11, 14? Options: n + 3, 3n + 2, 5n + 3, 3n + 5. Distractors target recursive thinking and using the first term as the constant.',
      explore: 'Students who chose B extend with patterns that decrease; the others work with me using coloured tiles to build each term and see the "+2".',
      consolidate: 'Exit ticket: write the rule for a new pattern and show it in the picture.',
      check: 'Hinge responses recorded by option; exit tickets sorted into got it / nearly / not yet, with the misconception noted.',
    },
    {
      title: 'Feedback lesson: responding to comments',
      focus: 'Students receive comment-only feedback on their exit tickets and respond in the first 15 minutes; then peer-check with the criteria.',
      launch: 'Students read my comment and do the task it sets (e.g. "Test your rule on term 10. What do you notice?").',
      explore: 'Pattern challenge in pairs: one writes a rule, the other checks it with a table and gives feedback using the criteria language.',
      consolidate: 'Students traffic-light the four criteria and write one "I used to think... now I think..." sentence.',
      check: 'Responses to feedback: did the comment move the student on? Peer comments: are they specific?',
    },
    {
      title: 'Tables, graphs and rules',
      focus: 'Students connect rules to straight-line graphs and use graphs to check rules.',
      launch: 'Graph on the board with one point off the line: which term is wrong?',
      explore: 'Students plot three patterns and match them to rules, then explain what the "+2" and the "3" look like on the graph.',
      consolidate: 'Mini-whiteboards: sketch the graph for y = 2x + 1 and show the starting value.',
      check: 'Whiteboards: can students link the constant to the starting value on the graph?',
    },
  ],
  differentiation: [
    'Coloured tiles and matchsticks available every lesson; the five students with learning support worked with me or the teacher aide on hinge follow-ups.',
    'Pattern challenge cards at three levels, chosen by students using their traffic-light self-assessment.',
    'Extension: patterns that decrease and patterns that are not linear (square numbers).',
  ],
  assessment:
    'The same 20-mark pre- and post-test as in Term 2, so I can compare. Formative evidence every lesson from hinge questions (recorded by option), exit tickets (sorted and annotated with misconceptions) and students\' responses to comment-only feedback. I analysed results for Māori and Pacific students and for the learning-support group.',
  samplesIntro:
    'Samples showing the comment-only feedback cycle: the exit ticket, my comment, the student\'s response, and their self-assessment. I chose students who held the recursive-rule misconception at the start.',
  samples: [
    {
      student: 'Liam',
      task: 'Exit ticket: write the rule for 5, 8, 11, 14 and show it in the picture.',
      response:
        'Exit ticket: "n + 3". My response to the comment: term 10 would be 5 + 9 lots of 3 = 32. With n + 3 I get 13, which is wrong. The 3 is how many sticks each new square adds so it should be 3 times the term number, then there is 2 left over at the start. Rule: sticks = 3t + 2. Check: term 1 = 5 yes, term 4 = 14 yes.',
      feedback: 'Comment: "Test your rule on term 10 by building it. What do you notice?" Your response shows you found the problem yourself and fixed it, and your checks prove the new rule works.',
      self: ['Got it', 'Got it (after feedback)', 'Nearly', 'Got it'],
      next: 'Liam moved from 7/20 on the pre-test to 15/20 on the post-test and now explains the "+2" to others in his group.',
    },
    {
      student: 'Aroha M.',
      task: 'Peer feedback on a partner\'s rule for the pattern 4, 7, 10, 13.',
      response:
        'Your rule 3t + 4 works for the picture at the start but I tested term 2: 3 x 2 + 4 = 10, but the pattern says 7. The 3 is right. The extra bit should be 1 because 4 - 3 = 1. Try 3t + 1 and test term 4.',
      feedback: 'This is specific, criteria-based peer feedback: you tested the rule, explained the error and gave a next step without just giving the answer away.',
      self: ['Got it', 'Got it', 'Got it', 'Got it'],
    },
    {
      student: 'Manaia',
      task: 'Mini-whiteboard and exit ticket, lesson 4.',
      response:
        'Graph for y = 2x + 1: starts at 1 on the up axis and goes up 2 for every 1 across. The +1 is where it starts and the 2 is how steep. Exit ticket: the pattern 1, 3, 5, 7 is 2t - 1 because term 1 is 1 and it goes up 2.',
      feedback: 'You connect the rule to the graph clearly. Next: use your "what stays the same" sentence to explain where the -1 is in the picture.',
      self: ['Got it', 'Got it', 'Nearly', 'Got it'],
    },
  ],
  classPatterns: [
    ['Recursive-rule misconception on the hinge question (lesson 2)', '13 of 25', 'Tile-building group with me; 20 of 25 correct on the lesson 3 follow-up.'],
    ['Students who responded to comment-only feedback and improved their rule', '19 of 23 present', 'Kept a 15-minute feedback response time at the start of lessons.'],
    ['Self-assessment matching my judgement', '17 of 25 (lesson 1: 9 of 25)', 'Continue using exemplars to calibrate.'],
  ],
};

export const SCI_WAKA: UnitPack = {
  learningArea: 'Science',
  yearLevel: 'Year 10',
  className: '10SCI6 (26 students)',
  unitTitle: 'Hoe ana: forces and motion in waka ama',
  term: 'Term 3, 2026',
  duration: 'six 60-minute lessons',
  context:
    '10SCI6 has 26 students, eleven of whom paddle waka ama at school or club level. Earlier this year their physics answers were often memorised definitions, and my questioning reached the same eight or nine confident students. Waka ama gave us a context many students knew in their bodies: the catch, the pull, the glide. I wanted formative assessment to make every student\'s thinking about forces visible and to use the paddlers as experts for one another.',
  curriculum: [
    'NZC Science, Level 5, Physical World, Physical inquiry and physics concepts: explore a range of forces and describe their effects; balanced and unbalanced forces; speed and acceleration.',
    'Nature of Science, Investigating in science: collect and interpret motion data.',
    'Connections to mātauranga Māori: traditional waka design and navigation knowledge.',
  ],
  research:
    'The unit uses Wiliam\'s formative strategies with a focus on eliciting evidence through diagnostic questions (Eedi-style multiple choice with a misconception behind each distractor) and on peer assessment. The force misconception research (Hestenes\' Force Concept Inventory) guided the hinge questions: many students believe a moving object must have a forward force acting on it. The Science Learning Hub\'s waka resources supported the mātauranga Māori connections.',
  intentions: [
    'We are learning to identify the forces acting on a waka and whether they are balanced.',
    'We are learning to explain changes in motion using unbalanced forces.',
    'We are learning to calculate speed and acceleration from real data.',
  ],
  successCriteria: [
    { criterion: 'I can draw a force diagram with labelled arrows of sensible sizes.', evidence: 'Thrust, drag, weight and support (buoyancy) labelled with correct directions.' },
    { criterion: 'I can say whether forces are balanced and what that means for motion.', evidence: '"The waka glides at constant speed because thrust equals drag."' },
    { criterion: 'I can explain a change in motion using unbalanced forces.', evidence: '"After the stroke, drag is bigger than thrust so the waka slows down."' },
    { criterion: 'I can calculate speed and acceleration with units.', evidence: 'Worked calculation from our GPS data.' },
  ],
  lessons: [
    {
      title: 'What forces act on a waka?',
      focus: 'Paddlers in the class describe a race start; students draw their first force diagrams, which become our baseline.',
      launch: 'Slow-motion clip of a W6 race start. Mini-whiteboards: draw the forces on the waka at the moment of the catch.',
      explore: 'Paddler experts explain the stroke phases; groups revise diagrams; we co-construct criterion 1 from three anonymous diagrams.',
      consolidate: 'Self-assess first diagram against criterion 1; redraw.',
      check: 'Mini-whiteboards: how many show a forward force during the glide (the "motion needs force" misconception)?',
    },
    {
      title: 'Balanced and unbalanced forces',
      focus: 'Students distinguish constant speed from acceleration using trolley experiments and the glide phase.',
      launch: 'Diagnostic question: during the glide, which is true? A forward force keeps it moving / no forces / drag only / thrust equals drag. ABCD cards.',
      explore: 'Trolley and string experiments at stations; groups predict, test and explain.',
      consolidate: 'Exit ticket: explain the glide in one sentence using the word "unbalanced".',
      check: 'ABCD responses recorded; the option A group works with me on the trolley demo again.',
    },
    {
      title: 'Speed and acceleration from our own data',
      focus: 'Using GPS watch data from our school crew\'s training session, students calculate speed and acceleration.',
      launch: 'Speed-time graph from the training: what story does it tell?',
      explore: 'Pairs calculate speed and acceleration for three parts of the race; peer-check with the worked example.',
      consolidate: 'Students explain one section of the graph using forces.',
      check: 'Calculations: units and rearranging; explanations: do they link graph shape to forces?',
    },
  ],
  differentiation: [
    'Paddler experts spread across groups; non-paddlers lead the calculations station.',
    'Force arrow cards for students who find drawing diagrams difficult.',
    'Extension: why are waka ama hulls long and narrow? Link to drag.',
  ],
  assessment:
    'Pre- and post-diagnostic (15 questions, each distractor mapped to a misconception). Formative evidence from mini-whiteboards, ABCD cards, exit tickets and peer-assessed force diagrams. Written feedback on the force diagram task with a redraw required.',
  resources: [
    'Race start video (with permission of the club), school crew GPS data.',
    'Trolleys, spring balances, string; ABCD cards; mini-whiteboards.',
    'Science Learning Hub: waka ama and forces.',
  ],
  samplesIntro: 'Force diagrams and explanations before and after feedback, with peer assessment.',
  samples: [
    {
      student: 'Kahurangi (paddler)',
      task: 'Explain the motion of the waka during the glide.',
      response:
        'First try: the waka keeps going because the push from the paddle is still there. After feedback: When the blade comes out there is no thrust anymore. The only force along the water is drag pushing back, so the forces are unbalanced and the waka slows down. That is why the stroke rate matters: we have to catch again before it slows too much.',
      feedback: 'Your redraft fixes the idea that a force is needed to keep moving, and you connect it to stroke rate. Brilliant use of your paddling experience.',
      self: ['Got it', 'Got it', 'Got it', 'Nearly'],
    },
    {
      student: 'Oliver',
      task: 'Peer assessment of a force diagram.',
      response:
        'Your arrows are labelled and in the right directions. The thrust arrow is the same length as drag, but you said the waka is speeding up, so thrust should be longer. Fix the length.',
      feedback: 'Precise peer feedback linked to criterion 2 and 3: you checked the diagram against the explanation.',
      self: ['Got it', 'Got it', 'Nearly', 'Nearly'],
    },
  ],
  classPatterns: [
    ['"Motion needs a forward force" on the glide question (lesson 2)', '15 of 26', 'Trolley re-run with me; exit ticket next lesson: 21 of 26 correct.'],
    ['Force diagrams meeting criterion 1 after self-assessment', '23 of 26', 'Criteria poster kept up for the rest of the unit.'],
  ],
};
