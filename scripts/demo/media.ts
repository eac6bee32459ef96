/** The demo video clips (shared between portfolios) and their caption cues. */
import type { ClipSpec } from './video';

export interface ClipDef {
  spec: ClipSpec;
  /** Caption cues [start s, end s, text]; clips without cues have no captions file. */
  cues?: [number, number, string][];
}

const CLIP_DEFS = {
  mentoringDebrief: {
    spec: {
      id: 'mentoring-debrief',
      title: 'Mentoring debrief after an observation',
      board: ['Debrief: what did you notice?', 'Evidence → wondering → next step', 'Goal: wait time of 3+ seconds'],
      lowerThird: 'After-school debrief · recorded with the consent of both teachers',
      seconds: 12,
      wall: ['0xd8d2c4', '0xeae4d6'],
      floor: '0x7b8794',
      accent: '0x5b3f8c',
      scene: 'meeting',
      seats: 2,
      screen: 'cellauto',
      voiceHz: 150,
      seed: 21,
    },
    cues: [
      [0.4, 3.6, 'Mentor: When you waited after asking the question, what did you notice?'],
      [3.8, 7.4, 'Mentee: More hands went up... and Sina answered, which she never does.'],
      [7.6, 11.6, 'Mentor: So what could you try tomorrow that builds on that?'],
    ],
  },
  scienceGroupInquiry: {
    spec: {
      id: 'science-group-inquiry',
      title: 'Year 10 science — group inquiry',
      board: ['LI: We are learning to explain our results', 'Kōrero first, then write', 'Whiteboards up: show me!'],
      lowerThird: 'Science lab S4 · practical session · consent on file for all students shown',
      seconds: 10,
      wall: ['0xd9cbb0', '0xefe6d2'],
      floor: '0x7d8f8a',
      accent: '0x2e7d6b',
      scene: 'class',
      screen: 'life',
      voiceHz: 170,
      seed: 7,
    },
    cues: [
      [0.3, 3.2, 'Teacher: Kia ora koutou. What variable is your group changing?'],
      [3.4, 6.6, 'Student: The temperature. We are doing 20, 40 and 60 degrees.'],
      [6.8, 9.8, 'Teacher: And how will you make sure it is a fair test?'],
    ],
  },
  mathsThinkPairShare: {
    spec: {
      id: 'maths-think-pair-share',
      title: 'Year 9 maths — hinge question and think-pair-share',
      board: ['Which plot has the greater spread?', 'A   B   C   D', 'Think (30 s) · Pair · Share'],
      lowerThird: 'Mathematics room M2 · ABCD cards · consent on file',
      seconds: 10,
      wall: ['0xcfd8dc', '0xe3eaed'],
      floor: '0x8d7b68',
      accent: '0x1f5f99',
      scene: 'class',
      screen: 'mandelbrot',
      voiceHz: 190,
      seed: 12,
    },
  },
  socialStudiesDiscussion: {
    spec: {
      id: 'social-studies-discussion',
      title: 'Year 10 social studies — talanoa on sources',
      board: ['Whose perspective? Whose voice is missing?', 'Source A: 1863 proclamation', 'Source B: iwi history'],
      lowerThird: 'Room H3 · talanoa groups · consent on file',
      seconds: 11,
      wall: ['0xe6d5c3', '0xf2e8dc'],
      floor: '0x6f7d6a',
      accent: '0x9c4a1a',
      scene: 'class',
      screen: 'cellauto',
      voiceHz: 160,
      seed: 33,
    },
    cues: [
      [0.3, 3.4, 'Student: The proclamation calls them rebels.'],
      [3.6, 7.0, 'Student: But the iwi history says they were defending their kāinga.'],
      [7.2, 10.8, 'Teacher: So whose voice is missing from Source A, and why does that matter?'],
    ],
  },
  digitechPrototyping: {
    spec: {
      id: 'digitech-prototyping',
      title: 'Year 12 digital technologies — user testing',
      board: ['Sprint 2 review', 'Test → learn → change', 'Heuristic: recognition, not recall'],
      lowerThird: 'Computer lab C1 · client testing session · consent on file',
      seconds: 10,
      wall: ['0xd0d7e0', '0xe6ebf0'],
      floor: '0x5f6b78',
      accent: '0x0f6e8c',
      scene: 'class',
      screen: 'life',
      voiceHz: 140,
      seed: 45,
    },
    cues: [
      [0.3, 3.2, 'Client: I would look for the booking button at the top.'],
      [3.4, 6.8, 'Student: So we move it up. That is recognition rather than recall.'],
      [7.0, 9.8, 'Teacher: Put that in your decision log, with the evidence.'],
    ],
  },
  staffWorkshop: {
    spec: {
      id: 'staff-workshop',
      title: 'Team inquiry workshop — looking at student work',
      board: ['Describe → interpret → implications', 'Hard on ideas, soft on people', 'Bring three work samples'],
      lowerThird: 'Staffroom · team inquiry meeting · recorded with the consent of all present',
      seconds: 12,
      wall: ['0xdcd3c0', '0xeee8d8'],
      floor: '0x7f7466',
      accent: '0x8c5a1f',
      scene: 'meeting',
      seats: 5,
      screen: 'mandelbrot',
      voiceHz: 155,
      seed: 58,
    },
  },
} satisfies Record<string, ClipDef>;

export type ClipKey = keyof typeof CLIP_DEFS;
export const CLIPS: Record<ClipKey, ClipDef> = CLIP_DEFS;
