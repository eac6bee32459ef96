import fs from 'node:fs';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { resourcesDir } from '../../core/paths';

export interface TextStyle {
  size?: number;
  bold?: boolean;
  color?: [number, number, number];
  indent?: number;
  gapAfter?: number;
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;

/**
 * A flowing text document on A4 with a Unicode font (DejaVu Sans, bundled), so names with macrons and accents print
 * and the text stays extractable. Used for feedback reports, round reports and decision letters.
 */
export class FlowDocument {
  private page!: PDFPage;
  private y = 0;
  private pageNo = 0;

  private constructor(
    readonly doc: PDFDocument,
    private readonly regular: PDFFont,
    private readonly bold: PDFFont,
    private readonly footer: string,
  ) {
    this.newPage();
  }

  static async create(title: string, footer: string): Promise<FlowDocument> {
    const doc = await PDFDocument.create();
    doc.registerFontkit(fontkit);
    const fonts = path.join(resourcesDir(), 'fonts');
    const regular = await doc.embedFont(fs.readFileSync(path.join(fonts, 'DejaVuSans.ttf')), { subset: true });
    const bold = await doc.embedFont(fs.readFileSync(path.join(fonts, 'DejaVuSans-Bold.ttf')), { subset: true });
    doc.setTitle(title);
    doc.setProducer('Evidence Workbench');
    doc.setCreator('Evidence Workbench');
    return new FlowDocument(doc, regular, bold, footer);
  }

  private newPage(): void {
    this.page = this.doc.addPage(A4);
    this.pageNo += 1;
    this.y = A4[1] - MARGIN;
    this.page.drawText(`${this.footer} · page ${this.pageNo}`, { x: MARGIN, y: 28, size: 8, font: this.regular, color: rgb(0.45, 0.45, 0.45) });
  }

  private wrap(text: string, font: PDFFont, size: number, width: number): string[] {
    const lines: string[] = [];
    for (const paragraph of text.split(/\r?\n/)) {
      let line = '';
      for (const word of paragraph.split(/\s+/).filter(Boolean)) {
        const next = line ? `${line} ${word}` : word;
        if (font.widthOfTextAtSize(next, size) <= width) line = next;
        else {
          if (line) lines.push(line);
          // A single word wider than the line is broken by characters.
          let rest = word;
          while (font.widthOfTextAtSize(rest, size) > width) {
            let cut = rest.length - 1;
            while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), size) > width) cut--;
            lines.push(rest.slice(0, cut));
            rest = rest.slice(cut);
          }
          line = rest;
        }
      }
      lines.push(line);
    }
    return lines;
  }

  text(text: string, style: TextStyle = {}): this {
    const size = style.size ?? 10.5;
    const font = style.bold ? this.bold : this.regular;
    const indent = style.indent ?? 0;
    const lineHeight = size * 1.35;
    for (const line of this.wrap(text, font, size, A4[0] - 2 * MARGIN - indent)) {
      if (this.y - lineHeight < MARGIN) this.newPage();
      this.y -= lineHeight;
      if (line) this.page.drawText(line, { x: MARGIN + indent, y: this.y, size, font, color: rgb(...(style.color ?? [0.1, 0.1, 0.1])) });
    }
    this.y -= style.gapAfter ?? 4;
    return this;
  }

  heading(text: string, size = 14): this {
    if (this.y - size * 3 < MARGIN) this.newPage();
    this.y -= 6;
    return this.text(text, { size, bold: true, gapAfter: 6 });
  }

  rule(): this {
    if (this.y - 12 < MARGIN) this.newPage();
    this.y -= 6;
    this.page.drawLine({ start: { x: MARGIN, y: this.y }, end: { x: A4[0] - MARGIN, y: this.y }, thickness: 0.6, color: rgb(0.75, 0.75, 0.75) });
    this.y -= 8;
    return this;
  }

  /** Label: value rows, the labels bold in a fixed column. */
  fields(rows: [string, string][]): this {
    for (const [label, value] of rows) {
      const size = 10.5;
      if (this.y - size * 1.4 < MARGIN) this.newPage();
      const startY = this.y;
      this.page.drawText(label, { x: MARGIN, y: startY - size * 1.35, size, font: this.bold });
      this.text(value, { indent: 130, gapAfter: 2 });
    }
    this.y -= 4;
    return this;
  }

  async save(): Promise<Uint8Array> {
    return this.doc.save();
  }
}
