import fs from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import { buildPdf, makeLongPdf, makeCorruptPdf } from './pdf';
const spec = { title: 'Unit plan: Rates of reaction — fizz, fire and food', subtitle: 'Year 10 Science · Avonside Ridge College · Term 2, 2026', header: 'Avonside Ridge College · Ōtautahi Christchurch', footer: 'Aroha Ngata — Portfolio P-2026-013 (CST-8)', author: 'Aroha Ngata', date: '2026-08-10T10:00:00+12:00',
 blocks: [
  { type: 'meta', pairs: [['Teacher','Aroha Ngata'],['Class','10SCI3 (27 students)'],['Duration','Four lessons, 60 minutes each']] },
  { type: 'h1', text: 'Context and class profile' },
  { type: 'p', text: 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(12) + '\n\nSecond paragraph with ā ē ī ō ū — “quotes” and ‘single’ – en dash … ellipsis.' },
  { type: 'bullets', items: ['One item that is rather long and should wrap onto a second line because it keeps on going and going', 'Two', 'Three'] },
  { type: 'table', columns: ['Phase','What happens','Evidence I will look for'], widths: [1,3,2], rows: Array.from({length: 14}, (_, i) => [`Phase ${i}`, 'Students work in groups of three to measure the time for a tablet to dissolve at three temperatures, recording in a shared table. '.repeat(1 + (i%2)), 'Can students name the variable they changed?']) },
  { type: 'quote', text: 'I never thought about why the hāngī stones had to be so hot before.', by: 'Student, 10SCI3' },
  { type: 'sample', label: 'Sample 1 — Mere (group 2): exit ticket', text: 'When we made the water hotter the tablet fizzed faster because the particles have more energy and they bump into each other more often and harder. '.repeat(3), feedback: 'Great link to particle energy. Next step: use the word "collision" and say what counts as a successful collision.' },
  { type: 'note', title: 'Next step', text: 'Add a fourth lesson on catalysts using the enzyme context from the kai preservation discussion.' },
  { type: 'signoff', lines: ['Aroha Ngata, Head of Science', '10 August 2026'] },
 ] } as const;
const a = await buildPdf(spec as any); const b = await buildPdf(spec as any);
console.log('deterministic', Buffer.compare(Buffer.from(a), Buffer.from(b)) === 0, a.length);
fs.writeFileSync('/tmp/t.pdf', a);
let t = Date.now(); const long = await makeLongPdf(300); console.log('long', long.length, Date.now()-t, (await PDFDocument.load(long)).getPageCount());
const c = makeCorruptPdf();
try { const d = await PDFDocument.load(c); console.log('corrupt loaded pages', d.getPageCount()); } catch (e) { console.log('corrupt throws', (e as Error).message.slice(0,100)); }
