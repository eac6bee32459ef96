/**
 * Classroom-style demo media made with ffmpeg's lavfi sources (no footage of real people).
 *
 * Every command is built here and run with execFileSync (no shell), so `npm run demo:generate` can rebuild the media.
 * ffmpeg output is not guaranteed to be byte-identical across ffmpeg builds, so the generator reuses media already in
 * resources/demo and only calls these functions for files that are missing (or with --force-media).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type VideoFormat = 'webm' | 'mp4';

export interface ClipSpec {
  /** File stem, e.g. "science-group-inquiry". */
  id: string;
  /** Title shown in the top bar. */
  title: string;
  /** Lines "written" on the whiteboard. */
  board: string[];
  /** Text in the lower-third strip. */
  lowerThird: string;
  seconds: number;
  wall: [string, string];
  floor: string;
  accent: string;
  /** A class at desks with a teacher walking at the front, or adults around a meeting table. */
  scene: 'class' | 'meeting';
  /** People at the meeting table (meeting scene). */
  seats?: number;
  /** What the projector screen on the right shows. */
  screen: 'life' | 'mandelbrot' | 'cellauto';
  /** Base pitch of the synthetic "voice" murmur, in Hz. */
  voiceHz: number;
  seed: number;
}

export interface WallChartSpec {
  id: string;
  heading: string;
  /** Sticky notes: up to 3 columns of short lines. */
  columns: { title: string; notes: string[] }[];
  paper: string;
  seed: number;
  /** A line written at the bottom of the board, e.g. when it was last updated. */
  footnote?: string;
}

export interface BarChartSpec {
  id: string;
  heading: string;
  subtitle: string;
  /** Pairs of values (0-100) per group, e.g. pre and post test. */
  groups: { label: string; a: number; b: number }[];
  legend: [string, string];
}

const FONT_CANDIDATES = {
  regular: ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', '/usr/share/fonts/TTF/DejaVuSans.ttf', '/Library/Fonts/Arial.ttf'],
  bold: ['/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf', '/usr/share/fonts/TTF/DejaVuSans-Bold.ttf', '/Library/Fonts/Arial Bold.ttf'],
  hand: [
    '/usr/share/fonts/truetype/dejavu/DejaVuSerif-Italic.ttf',
    '/usr/share/fonts/truetype/liberation/LiberationSerif-Italic.ttf',
    '/usr/share/fonts/truetype/dejavu/DejaVuSans-Oblique.ttf',
  ],
};

/** drawtext font option: a font file when one is found, else a fontconfig family name. */
function fontOpt(kind: keyof typeof FONT_CANDIDATES): string {
  const file = FONT_CANDIDATES[kind].find((f) => fs.existsSync(f));
  if (file) return `fontfile=${escapeOptionValue(file)}`;
  return kind === 'bold' ? 'font=Sans\\\\:style=Bold' : 'font=Sans';
}

/** Escapes a value for use inside a filtergraph option (':' and '\' and quotes). */
function escapeOptionValue(v: string): string {
  return v.replace(/\\/g, '\\\\').replace(/:/g, '\\:').replace(/'/g, "\\'");
}

export function ffmpegAvailable(): boolean {
  try {
    execFileSync('ffmpeg', ['-hide_banner', '-version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Writes each text to its own file so drawtext never has to parse it (no escaping of ':' ',' '%' etc.). */
class TextFiles {
  private n = 0;
  constructor(private readonly dir: string) {}
  file(text: string): string {
    const p = path.join(this.dir, `text-${++this.n}.txt`);
    fs.writeFileSync(p, text, 'utf8');
    return escapeOptionValue(p);
  }
}

const BITEXACT = ['-fflags', '+bitexact', '-flags:v', '+bitexact', '-flags:a', '+bitexact', '-map_metadata', '-1', '-threads', '1'];

/** The ffmpeg argument list for one classroom clip. `textDir` receives the drawtext text files. */
export function clipArgs(spec: ClipSpec, format: VideoFormat, outFile: string, textDir: string): string[] {
  const t = new TextFiles(textDir);
  const d = spec.seconds;
  const screenSrc =
    spec.screen === 'life'
      ? `life=s=60x40:r=25:seed=${spec.seed}:ratio=0.3:mold=12:life_color=0x2f6fb0:death_color=0xf4f7fb:mold_color=0xa8c4e0,scale=150:100:flags=neighbor`
      : spec.screen === 'mandelbrot'
        ? `mandelbrot=s=150x100:r=25:start_scale=1.5:end_scale=0.2:end_pts=${d * 25}`
        : `cellauto=s=150x100:r=25:rule=110:seed=${spec.seed}:scroll=1,negate,colorchannelmixer=rr=0.6:gg=0.8:bb=1`;
  // Board text shrinks to fit the 300 px inside the board (DejaVu Serif Italic averages about 0.55 em a character).
  const boardSize = Math.min(17, ...spec.board.map((line) => Math.floor(300 / ([...line].length * 0.55))));
  const boardLines = spec.board.map(
    (line, i) => `drawtext=${fontOpt('hand')}:expansion=none:textfile='${t.file(line)}':fontsize=${boardSize}:fontcolor=0x1d3f8f:x=78:y=${88 + i * 26}`,
  );
  // Desks with pupils (simple heads and shoulders), front row bigger than back row; or adults at a meeting table.
  const desks: string[] = [];
  const shirts = ['0x3c6e71', '0x8f3b3b', '0x4b5d9c', '0xc48a2c', '0x5e8c4a', '0x7a4d8c', '0x2d5f8a', '0xa0522d'];
  const skins = ['8d5524', 'c68642', 'e0ac69', 'f1c27d', '6b4423'];
  let k = spec.seed;
  if (spec.scene === 'class') {
    const rows = [
      { y: 262, h: 22, xs: [30, 190, 350, 510], w: 100 },
      { y: 312, h: 26, xs: [0, 170, 340, 520], w: 120 },
    ];
    rows.forEach((r, ri) => {
      r.xs.forEach((x) => {
        for (const dx of [0.18, 0.58]) {
          const px = Math.round(x + r.w * dx);
          const size = ri === 0 ? 16 : 20;
          const shirt = shirts[k++ % shirts.length]!;
          desks.push(`drawbox=x=${px - 4}:y=${r.y - size - 14}:w=${size + 8}:h=${size + 14}:color=${shirt}:t=fill`);
          desks.push(`drawbox=x=${px}:y=${r.y - size * 2 - 12}:w=${size}:h=${size}:color=0x${skins[k % skins.length]}:t=fill`);
        }
        desks.push(`drawbox=x=${x}:y=${r.y}:w=${r.w}:h=${r.h}:color=0x9b7653:t=fill`);
        desks.push(`drawbox=x=${x}:y=${r.y}:w=${r.w}:h=4:color=0xb8936b:t=fill`);
      });
    });
  } else {
    const seats = spec.seats ?? 4;
    const tableX = 120;
    const tableW = 400;
    for (let i = 0; i < seats; i++) {
      const px = Math.round(tableX + ((i + 0.5) * tableW) / seats) - 14;
      const shirt = shirts[k++ % shirts.length]!;
      desks.push(`drawbox=x=${px}:y=244:w=28:h=40:color=${shirt}:t=fill`);
      desks.push(`drawbox=x=${px + 4}:y=220:w=20:h=22:color=0x${skins[k % skins.length]}:t=fill`);
    }
    desks.push(`drawbox=x=${tableX}:y=276:w=${tableW}:h=34:color=0x9b7653:t=fill`, `drawbox=x=${tableX}:y=276:w=${tableW}:h=5:color=0xb8936b:t=fill`);
    // papers and laptops on the table
    desks.push(`drawbox=x=${tableX + 40}:y=282:w=36:h=10:color=0xf5f5f0:t=fill`, `drawbox=x=${tableX + 250}:y=280:w=46:h=14:color=0x3a3a3a:t=fill`);
  }
  const base = [
    `[0:v]drawbox=x=0:y=226:w=640:h=134:color=${spec.floor}:t=fill`,
    // whiteboard with frame and tray
    'drawbox=x=60:y=58:w=330:h=150:color=0xfbfbf8:t=fill',
    'drawbox=x=60:y=58:w=330:h=150:color=0x8c8c8c:t=4',
    'drawbox=x=60:y=208:w=330:h=6:color=0x6f6f6f:t=fill',
    ...boardLines,
    // projector screen frame, then the screen picture
    'drawbox=x=438:y=62:w=162:h=112:color=0x303030:t=fill[wall]',
    '[wall][scr]overlay=x=444:y=68:shortest=1',
    // poster on the wall
    `drawbox=x=8:y=70:w=40:h=56:color=${spec.accent}:t=fill`,
    'drawbox=x=14:y=78:w=28:h=4:color=white@0.8:t=fill',
    'drawbox=x=14:y=88:w=22:h=4:color=white@0.8:t=fill',
    'drawbox=x=14:y=98:w=26:h=4:color=white@0.8:t=fill[base]',
  ]
    .join(',')
    .replace('[wall],', '[wall];');
  // The "teacher" walks slowly in front of the board.
  const teacher = [
    `color=c=0x24476b:s=34x64:r=25,drawbox=x=0:y=0:w=34:h=6:color=${spec.accent}:t=fill[tbody]`,
    'color=c=0xc68642:s=24x24:r=25[thead]',
  ].join(';');
  const finish = [
    spec.scene === 'class'
      ? `[base][tbody]overlay=x='250+150*sin(t*0.45)':y=178:shortest=1[b1];[b1][thead]overlay=x='255+150*sin(t*0.45)':y=150:shortest=1`
      : '[base]null',
    ...desks,
    // top bar: title and running timestamp
    'drawbox=x=0:y=0:w=640:h=34:color=black@0.62:t=fill',
    `drawtext=${fontOpt('bold')}:expansion=none:textfile='${t.file(spec.title)}':fontsize=17:fontcolor=white:x=12:y=9`,
    `drawtext=${fontOpt('regular')}:text='%{pts\\:hms}':fontsize=14:fontcolor=0xffd966:x=w-tw-12:y=10`,
    'drawbox=x=iw-132:y=13:w=8:h=8:color=red@0.9:t=fill',
    // lower third
    `drawbox=x=0:y=330:w=640:h=30:color=${spec.accent}@0.88:t=fill`,
    `drawtext=${fontOpt('regular')}:expansion=none:textfile='${t.file(spec.lowerThird)}':fontsize=14:fontcolor=white:x=12:y=338`,
    'noise=alls=6:allf=t,format=yuv420p[v]',
  ].join(',');
  const filter = [
    `${screenSrc}[scr]`,
    base,
    ...(spec.scene === 'class' ? [teacher] : []),
    finish,
    // Audio: a murmur of "voices" (amplitude-modulated tones) over soft room noise.
    '[1:a]lowpass=f=1200,volume=0.5[noise]',
    `[2:a][noise]amix=inputs=2:duration=shortest,afade=t=in:d=0.5,afade=t=out:st=${d - 0.7}:d=0.7[a]`,
  ].join(';');
  const voice = `aevalsrc='0.16*sin(2*PI*(${spec.voiceHz}+35*sin(2*PI*0.9*t))*t)*(0.55+0.45*sin(2*PI*3.3*t))*(0.6+0.4*sin(2*PI*0.23*t))':s=48000:c=stereo:d=${d}`;
  const inputs = [
    ...['-f', 'lavfi', '-i', `gradients=s=640x360:r=25:c0=${spec.wall[0]}:c1=${spec.wall[1]}:speed=0.004:seed=${spec.seed}:d=${d}`],
    ...['-f', 'lavfi', '-i', `anoisesrc=c=pink:a=0.05:r=48000:seed=${spec.seed}:d=${d}`],
    ...['-f', 'lavfi', '-i', voice],
  ];
  const codec =
    format === 'mp4'
      ? ['-c:v', 'libx264', '-preset', 'medium', '-profile:v', 'main', '-b:v', '180k', '-maxrate', '260k', '-bufsize', '400k', '-g', '50', '-c:a', 'aac', '-b:a', '48k', '-ac', '2', '-movflags', '+faststart']
      : ['-c:v', 'libvpx-vp9', '-b:v', '160k', '-deadline', 'good', '-cpu-used', '4', '-row-mt', '0', '-g', '50', '-c:a', 'libopus', '-b:a', '40k'];
  return [
    '-hide_banner', '-loglevel', 'error', '-y',
    ...inputs,
    '-filter_complex', filter,
    '-map', '[v]', '-map', '[a]',
    '-t', String(d), '-r', '25', '-pix_fmt', 'yuv420p',
    ...codec,
    ...BITEXACT,
    outFile,
  ];
}

/** ffmpeg arguments for a photo-like JPEG of a classroom wall chart with sticky notes. */
export function wallChartArgs(spec: WallChartSpec, outFile: string, textDir: string): string[] {
  const t = new TextFiles(textDir);
  const noteColours = ['0xfff176', '0xffb74d', '0xa5d6a7', '0x90caf9', '0xf48fb1'];
  const parts: string[] = [
    `color=c=0x6d5a45:s=960x640:d=1`,
    // the board and its paper
    `drawbox=x=40:y=30:w=880:h=580:color=0x4e3b2a:t=fill`,
    `drawbox=x=56:y=46:w=848:h=548:color=${spec.paper}:t=fill`,
    `drawtext=${fontOpt('bold')}:expansion=none:textfile='${t.file(spec.heading)}':fontsize=34:fontcolor=0x1f2f4f:x=(w-tw)/2:y=68`,
    `drawbox=x=120:y=118:w=720:h=4:color=0x1f2f4f@0.7:t=fill`,
  ];
  const colW = Math.floor(800 / spec.columns.length);
  spec.columns.forEach((col, ci) => {
    const x0 = 80 + ci * colW;
    parts.push(`drawtext=${fontOpt('bold')}:expansion=none:textfile='${t.file(col.title)}':fontsize=22:fontcolor=0x8f2d2d:x=${x0 + 10}:y=140`);
    col.notes.forEach((note, ni) => {
      const jitter = ((spec.seed * 7 + ci * 13 + ni * 29) % 17) - 8;
      const x = x0 + 8 + (ni % 2) * Math.floor(colW / 2 - 6);
      const y = 180 + Math.floor(ni / 2) * 128 + jitter;
      const w = Math.floor(colW / 2 - 14);
      parts.push(`drawbox=x=${x + 4}:y=${y + 5}:w=${w}:h=112:color=black@0.25:t=fill`);
      parts.push(`drawbox=x=${x}:y=${y}:w=${w}:h=112:color=${noteColours[(ci * 2 + ni) % noteColours.length]}:t=fill`);
      parts.push(
        `drawtext=${fontOpt('hand')}:expansion=none:textfile='${t.file(wrapWords(note, Math.floor(w / 8.6)))}':fontsize=14:line_spacing=4:fontcolor=0x202020:x=${x + 8}:y=${y + 10}`,
      );
    });
  });
  if (spec.footnote)
    parts.push(`drawtext=${fontOpt('hand')}:expansion=none:textfile='${t.file(spec.footnote)}':fontsize=18:fontcolor=0x3a3a3a:x=w-tw-90:y=548`);
  // camera feel: slight warm grade, grain and vignette
  parts.push('noise=alls=14:allf=u', 'eq=gamma=1.04:saturation=1.08', 'vignette=PI/5', 'format=yuvj420p');
  return ['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', parts.join(','), '-frames:v', '1', '-q:v', '5', ...BITEXACT, outFile];
}

/** ffmpeg arguments for a PNG bar chart (e.g. pre- and post-test means per group). */
export function barChartArgs(spec: BarChartSpec, outFile: string, textDir: string): string[] {
  const t = new TextFiles(textDir);
  const W = 800;
  const H = 480;
  const left = 80;
  const bottom = 400;
  const top = 100;
  const plotH = bottom - top;
  const parts: string[] = [
    `color=c=white:s=${W}x${H}:d=1`,
    `drawtext=${fontOpt('bold')}:expansion=none:textfile='${t.file(spec.heading)}':fontsize=24:fontcolor=0x1f2f4f:x=${left}:y=24`,
    `drawtext=${fontOpt('regular')}:expansion=none:textfile='${t.file(spec.subtitle)}':fontsize=15:fontcolor=0x555555:x=${left}:y=58`,
  ];
  for (let v = 0; v <= 100; v += 20) {
    const y = bottom - Math.round((v / 100) * plotH);
    parts.push(`drawbox=x=${left}:y=${y}:w=${W - left - 40}:h=1:color=0xdddddd:t=fill`);
    parts.push(`drawtext=${fontOpt('regular')}:expansion=none:textfile='${t.file(String(v))}':fontsize=13:fontcolor=0x666666:x=${left - 34}:y=${y - 7}`);
  }
  parts.push(`drawbox=x=${left}:y=${top}:w=2:h=${plotH}:color=0x333333:t=fill`, `drawbox=x=${left}:y=${bottom}:w=${W - left - 40}:h=2:color=0x333333:t=fill`);
  const slot = Math.floor((W - left - 60) / spec.groups.length);
  spec.groups.forEach((g, i) => {
    const x = left + 20 + i * slot;
    const bw = Math.floor(slot / 3);
    for (const [j, value, colour] of [
      [0, g.a, '0x9fb7d6'],
      [1, g.b, '0x1f5f99'],
    ] as const) {
      const h = Math.round((value / 100) * plotH);
      parts.push(`drawbox=x=${x + j * (bw + 6)}:y=${bottom - h}:w=${bw}:h=${h}:color=${colour}:t=fill`);
      parts.push(
        `drawtext=${fontOpt('regular')}:expansion=none:textfile='${t.file(String(value))}':fontsize=13:fontcolor=0x222222:x=${x + j * (bw + 6) + 4}:y=${bottom - h - 18}`,
      );
    }
    parts.push(`drawtext=${fontOpt('regular')}:expansion=none:textfile='${t.file(g.label)}':fontsize=14:fontcolor=0x222222:x=${x}:y=${bottom + 12}`);
  });
  const lx = W - 250;
  parts.push(
    `drawbox=x=${lx}:y=28:w=14:h=14:color=0x9fb7d6:t=fill`,
    `drawtext=${fontOpt('regular')}:expansion=none:textfile='${t.file(spec.legend[0])}':fontsize=14:fontcolor=0x222222:x=${lx + 22}:y=28`,
    `drawbox=x=${lx}:y=50:w=14:h=14:color=0x1f5f99:t=fill`,
    `drawtext=${fontOpt('regular')}:expansion=none:textfile='${t.file(spec.legend[1])}':fontsize=14:fontcolor=0x222222:x=${lx + 22}:y=50`,
    'format=rgb24',
  );
  return ['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', parts.join(','), '-frames:v', '1', ...BITEXACT, outFile];
}

/** Greedy word wrap to at most `width` characters a line. */
export function wrapWords(text: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

function runFfmpeg(build: (outFile: string, textDir: string) => string[], ext: string): Buffer {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ew-demo-media-'));
  try {
    const out = path.join(dir, `out.${ext}`);
    execFileSync('ffmpeg', build(out, dir), { stdio: ['ignore', 'ignore', 'pipe'] });
    return fs.readFileSync(out);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function makeClip(spec: ClipSpec, format: VideoFormat): Buffer {
  return runFfmpeg((out, dir) => clipArgs(spec, format, out, dir), format);
}

export function makeWallChart(spec: WallChartSpec): Buffer {
  return runFfmpeg((out, dir) => wallChartArgs(spec, out, dir), 'jpg');
}

export function makeBarChart(spec: BarChartSpec): Buffer {
  return runFfmpeg((out, dir) => barChartArgs(spec, out, dir), 'png');
}

/** A WebVTT file from cues given as [startSeconds, endSeconds, text]. */
export function webVtt(cues: [number, number, string][]): string {
  const ts = (s: number) => {
    const ms = Math.round(s * 1000);
    const h = Math.floor(ms / 3_600_000);
    const m = Math.floor((ms % 3_600_000) / 60_000);
    const sec = Math.floor((ms % 60_000) / 1000);
    return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(sec).padStart(2, '0')}.${String(ms % 1000).padStart(3, '0')}`;
  };
  return `WEBVTT\n\n${cues.map(([a, b, text], i) => `${i + 1}\n${ts(a)} --> ${ts(b)}\n${text}\n`).join('\n')}`;
}
