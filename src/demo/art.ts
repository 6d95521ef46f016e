// Deterministic pictures for the demo: SVG scenes (gradients and shapes, never text: fonts are not
// guaranteed on a server) rendered to PNG or JPEG with sharp. The same seed always gives the same image.
import sharp from 'sharp';
import { seededRandom } from '../shared/seeded-random.ts';

export type Scene = 'city' | 'food' | 'football' | 'tech' | 'night' | 'festival' | 'mountains' | 'garden' | 'sea';

/** Varied but reproducible colours and positions, as floats in [0, 1). */
function rng(seed: number): () => number {
  const next = seededRandom(seed);
  return () => next() / 4294967296;
}

const hsl = (h: number, s: number, l: number) => `hsl(${Math.round(h) % 360},${Math.round(s)}%,${Math.round(l)}%)`;
const f = (n: number) => n.toFixed(1);

function sky(id: string, top: string, bottom: string): string {
  return `<defs><linearGradient id="${id}" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${top}"/><stop offset="1" stop-color="${bottom}"/></linearGradient></defs>`;
}

function sceneSvg(scene: Scene, seed: number, w: number, h: number): string {
  const r = rng(seed * 7919 + scene.length * 104729);
  const hue = r() * 360;
  const parts: string[] = [];
  switch (scene) {
    case 'city': {
      parts.push(sky('bg', hsl(hue, 70, 70), hsl(hue + 40, 80, 88)), `<rect width="${w}" height="${h}" fill="url(#bg)"/>`);
      parts.push(`<circle cx="${f(w * (0.15 + r() * 0.7))}" cy="${f(h * 0.25)}" r="${f(h * 0.09)}" fill="${hsl(45, 95, 65)}"/>`);
      let x = 0;
      while (x < w) {
        const bw = w * (0.06 + r() * 0.08);
        const bh = h * (0.3 + r() * 0.45);
        parts.push(`<rect x="${f(x)}" y="${f(h - bh)}" width="${f(bw)}" height="${f(bh)}" fill="${hsl(hue + 200, 25, 25 + r() * 20)}"/>`);
        for (let wy = h - bh + 12; wy < h - 14; wy += 22) {
          for (let wx = x + 8; wx < x + bw - 12; wx += 16) {
            if (r() > 0.45) parts.push(`<rect x="${f(wx)}" y="${f(wy)}" width="7" height="10" fill="${hsl(50, 90, 70)}" opacity="0.85"/>`);
          }
        }
        x += bw + 3;
      }
      break;
    }
    case 'food': {
      parts.push(sky('bg', hsl(hue, 45, 80), hsl(hue + 20, 40, 65)), `<rect width="${w}" height="${h}" fill="url(#bg)"/>`);
      const cx = w / 2;
      const cy = h / 2;
      const pr = Math.min(w, h) * 0.38;
      parts.push(`<ellipse cx="${f(cx)}" cy="${f(cy + 10)}" rx="${f(pr * 1.05)}" ry="${f(pr * 0.98)}" fill="#000" opacity="0.15"/>`);
      parts.push(
        `<circle cx="${f(cx)}" cy="${f(cy)}" r="${f(pr)}" fill="#fbfbf8"/><circle cx="${f(cx)}" cy="${f(cy)}" r="${f(pr * 0.78)}" fill="${hsl(hue + 30, 30, 92)}"/>`,
      );
      for (let i = 0; i < 26; i++) {
        const a = r() * Math.PI * 2;
        const d = Math.sqrt(r()) * pr * 0.65;
        parts.push(
          `<circle cx="${f(cx + Math.cos(a) * d)}" cy="${f(cy + Math.sin(a) * d)}" r="${f(6 + r() * 16)}" fill="${hsl(hue + [0, 20, 100, 340][i % 4] + r() * 20, 70, 45 + r() * 15)}"/>`,
        );
      }
      break;
    }
    case 'football': {
      parts.push(`<rect width="${w}" height="${h}" fill="${hsl(110 + r() * 20, 55, 38)}"/>`);
      for (let i = 0; i < 8; i++) if (i % 2) parts.push(`<rect x="${f((w / 8) * i)}" width="${f(w / 8)}" height="${h}" fill="#fff" opacity="0.06"/>`);
      parts.push(
        `<g stroke="#fff" stroke-width="4" fill="none" opacity="0.9"><rect x="20" y="20" width="${w - 40}" height="${h - 40}"/><line x1="${w / 2}" y1="20" x2="${w / 2}" y2="${h - 20}"/><circle cx="${w / 2}" cy="${h / 2}" r="${f(h * 0.16)}"/><rect x="20" y="${f(h * 0.3)}" width="${f(w * 0.12)}" height="${f(h * 0.4)}"/><rect x="${f(w - 20 - w * 0.12)}" y="${f(h * 0.3)}" width="${f(w * 0.12)}" height="${f(h * 0.4)}"/></g>`,
      );
      const bx = w * (0.25 + r() * 0.5);
      const by = h * (0.3 + r() * 0.4);
      const br = h * 0.07;
      parts.push(
        `<circle cx="${f(bx + 6)}" cy="${f(by + 8)}" r="${f(br)}" fill="#000" opacity="0.25"/><circle cx="${f(bx)}" cy="${f(by)}" r="${f(br)}" fill="#fff" stroke="#222" stroke-width="2"/>`,
      );
      const pent = Array.from({ length: 5 }, (_, i) => {
        const a = -Math.PI / 2 + (i * 2 * Math.PI) / 5;
        return `${f(bx + Math.cos(a) * br * 0.4)},${f(by + Math.sin(a) * br * 0.4)}`;
      }).join(' ');
      parts.push(`<polygon points="${pent}" fill="#222"/>`);
      break;
    }
    case 'tech': {
      parts.push(sky('bg', hsl(hue + 200, 60, 18), hsl(hue + 240, 55, 30)), `<rect width="${w}" height="${h}" fill="url(#bg)"/>`);
      const nodes = Array.from({ length: 14 }, () => [w * (0.08 + r() * 0.84), h * (0.1 + r() * 0.8)] as const);
      for (let i = 0; i < nodes.length; i++) {
        const j = (i + 1 + Math.floor(r() * 3)) % nodes.length;
        parts.push(
          `<line x1="${f(nodes[i][0])}" y1="${f(nodes[i][1])}" x2="${f(nodes[j][0])}" y2="${f(nodes[j][1])}" stroke="${hsl(hue + 160, 80, 60)}" stroke-width="2" opacity="0.6"/>`,
        );
      }
      for (const [x, y] of nodes) parts.push(`<circle cx="${f(x)}" cy="${f(y)}" r="${f(6 + r() * 10)}" fill="${hsl(hue + 160 + r() * 60, 85, 60)}"/>`);
      break;
    }
    case 'night': {
      const nh = hue / 6 - 30; // night skies stay in the blues and violets
      parts.push(sky('bg', hsl(nh + 250, 60, 12), hsl(nh + 290, 50, 35)), `<rect width="${w}" height="${h}" fill="url(#bg)"/>`);
      for (let i = 0; i < 60; i++)
        parts.push(`<circle cx="${f(r() * w)}" cy="${f(r() * h * 0.6)}" r="${f(0.6 + r() * 1.8)}" fill="#fff" opacity="${f(0.4 + r() * 0.6)}"/>`);
      const mx = w * (0.6 + r() * 0.25);
      const my = h * 0.22;
      parts.push(
        `<circle cx="${f(mx)}" cy="${f(my)}" r="${f(h * 0.1)}" fill="#fdf6d8"/><circle cx="${f(mx + h * 0.04)}" cy="${f(my - h * 0.02)}" r="${f(h * 0.09)}" fill="${hsl(nh + 255, 55, 16)}"/>`,
      );
      for (let i = 0; i < 3; i++) {
        const base = h * (0.62 + i * 0.12);
        parts.push(
          `<path d="M0 ${f(base)} Q ${f(w * 0.25)} ${f(base - 40 - r() * 40)} ${f(w * 0.5)} ${f(base)} T ${w} ${f(base)} V ${h} H 0 Z" fill="${hsl(nh + 260, 35, 14 + i * 7)}"/>`,
        );
      }
      break;
    }
    case 'festival': {
      parts.push(sky('bg', hsl(hue + 260, 55, 22), hsl(hue + 300, 60, 40)), `<rect width="${w}" height="${h}" fill="url(#bg)"/>`);
      for (let row = 0; row < 3; row++) {
        const y0 = h * (0.12 + row * 0.18);
        parts.push(`<path d="M0 ${f(y0)} Q ${w / 2} ${f(y0 + 50)} ${w} ${f(y0)}" stroke="#eee" stroke-width="1.5" fill="none" opacity="0.6"/>`);
        for (let i = 0; i < 14; i++) {
          const x = (w / 14) * (i + 0.5);
          const t = x / w;
          const y = y0 + 4 * 50 * t * (1 - t) * 0.5;
          parts.push(`<polygon points="${f(x - 14)},${f(y)} ${f(x + 14)},${f(y)} ${f(x)},${f(y + 30)}" fill="${hsl(hue + i * 47, 85, 60)}"/>`);
        }
      }
      for (let i = 0; i < 5; i++) {
        const x = w * (0.1 + i * 0.2);
        const y = h * (0.7 + r() * 0.1);
        parts.push(
          `<ellipse cx="${f(x)}" cy="${f(y)}" rx="22" ry="30" fill="${hsl(20 + r() * 30, 95, 58)}"/><rect x="${f(x - 10)}" y="${f(y - 36)}" width="20" height="8" fill="#333"/>`,
        );
      }
      break;
    }
    case 'mountains': {
      parts.push(sky('bg', hsl(hue + 190, 60, 72), hsl(hue + 170, 50, 92)), `<rect width="${w}" height="${h}" fill="url(#bg)"/>`);
      parts.push(`<circle cx="${f(w * (0.2 + r() * 0.6))}" cy="${f(h * 0.2)}" r="${f(h * 0.07)}" fill="${hsl(40, 95, 70)}"/>`);
      for (let layer = 0; layer < 3; layer++) {
        const pts = [`0,${h}`];
        for (let x = 0; x <= w; x += w / 6) pts.push(`${f(x)},${f(h * (0.35 + layer * 0.15) + (r() - 0.5) * h * 0.2)}`);
        pts.push(`${w},${h}`);
        parts.push(`<polygon points="${pts.join(' ')}" fill="${hsl(hue + 140 + layer * 10, 30, 45 - layer * 10)}"/>`);
      }
      for (let i = 0; i < 9; i++) {
        const x = r() * w;
        const y = h * (0.8 + r() * 0.15);
        parts.push(`<polygon points="${f(x)},${f(y - 46)} ${f(x - 14)},${f(y)} ${f(x + 14)},${f(y)}" fill="${hsl(130, 45, 22)}"/>`);
      }
      break;
    }
    case 'garden': {
      parts.push(sky('bg', hsl(hue + 180, 55, 80), hsl(hue + 100, 45, 70)), `<rect width="${w}" height="${h}" fill="url(#bg)"/>`);
      parts.push(`<rect y="${f(h * 0.65)}" width="${w}" height="${f(h * 0.35)}" fill="${hsl(100, 45, 40)}"/>`);
      for (let i = 0; i < 12; i++) {
        const x = w * (0.05 + (i / 12) * 0.9 + r() * 0.03);
        const y = h * (0.45 + r() * 0.25);
        const pr = 10 + r() * 10;
        const c = hsl(hue + i * 31, 80, 62);
        parts.push(`<line x1="${f(x)}" y1="${f(y)}" x2="${f(x)}" y2="${f(h * 0.9)}" stroke="${hsl(110, 50, 30)}" stroke-width="3"/>`);
        for (let p = 0; p < 6; p++) {
          const a = (p * Math.PI) / 3;
          parts.push(`<circle cx="${f(x + Math.cos(a) * pr)}" cy="${f(y + Math.sin(a) * pr)}" r="${f(pr * 0.6)}" fill="${c}"/>`);
        }
        parts.push(`<circle cx="${f(x)}" cy="${f(y)}" r="${f(pr * 0.5)}" fill="${hsl(48, 95, 55)}"/>`);
      }
      break;
    }
    case 'sea': {
      parts.push(sky('bg', hsl(hue + 20, 80, 75), hsl(hue + 340, 70, 85)), `<rect width="${w}" height="${h}" fill="url(#bg)"/>`);
      parts.push(`<circle cx="${f(w * 0.5)}" cy="${f(h * 0.52)}" r="${f(h * 0.16)}" fill="${hsl(hue + 30, 95, 62)}"/>`);
      for (let i = 0; i < 6; i++) {
        const y = h * (0.5 + i * 0.09);
        parts.push(
          `<path d="M0 ${f(y)} Q ${f(w * 0.125)} ${f(y - 12)} ${f(w * 0.25)} ${f(y)} T ${f(w * 0.5)} ${f(y)} T ${f(w * 0.75)} ${f(y)} T ${w} ${f(y)} V ${h} H 0 Z" fill="${hsl(hue + 200 + i * 4, 60, 45 - i * 4)}" opacity="0.9"/>`,
        );
      }
      break;
    }
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">${parts.join('')}</svg>`;
}

/** A cheerful blob with a face: transparent background, for sticker sets. */
function stickerSvg(seed: number, size: number): string {
  const r = rng(seed * 31337 + 11);
  const hue = (seed * 67) % 360;
  const c = size / 2;
  const pts = Array.from({ length: 10 }, (_, i) => {
    const a = (i / 10) * Math.PI * 2;
    const d = size * (0.36 + r() * 0.07);
    return [c + Math.cos(a) * d, c + Math.sin(a) * d] as const;
  });
  // A smooth closed curve through the points (quadratic segments between midpoints).
  const mid = (i: number) => [(pts[i][0] + pts[(i + 1) % pts.length][0]) / 2, (pts[i][1] + pts[(i + 1) % pts.length][1]) / 2];
  let d = `M ${f(mid(pts.length - 1)[0])} ${f(mid(pts.length - 1)[1])}`;
  for (let i = 0; i < pts.length; i++) d += ` Q ${f(pts[i][0])} ${f(pts[i][1])} ${f(mid(i)[0])} ${f(mid(i)[1])}`;
  const mood = seed % 3;
  const mouth =
    mood === 0
      ? `<path d="M ${f(c - size * 0.12)} ${f(c + size * 0.08)} Q ${f(c)} ${f(c + size * 0.2)} ${f(c + size * 0.12)} ${f(c + size * 0.08)}" stroke="#2b2b2b" stroke-width="${f(size * 0.025)}" fill="none" stroke-linecap="round"/>`
      : mood === 1
        ? `<ellipse cx="${f(c)}" cy="${f(c + size * 0.12)}" rx="${f(size * 0.06)}" ry="${f(size * 0.08)}" fill="#2b2b2b"/>`
        : `<path d="M ${f(c - size * 0.1)} ${f(c + size * 0.12)} L ${f(c + size * 0.1)} ${f(c + size * 0.12)}" stroke="#2b2b2b" stroke-width="${f(size * 0.025)}" stroke-linecap="round"/>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">
<defs><radialGradient id="b" cx="0.35" cy="0.3" r="0.8"><stop offset="0" stop-color="${hsl(hue, 90, 75)}"/><stop offset="1" stop-color="${hsl(hue + 20, 75, 50)}"/></radialGradient></defs>
<path d="${d}" fill="url(#b)" stroke="#ffffff" stroke-width="${f(size * 0.03)}"/>
<circle cx="${f(c - size * 0.11)}" cy="${f(c - size * 0.06)}" r="${f(size * 0.05)}" fill="#fff"/><circle cx="${f(c + size * 0.11)}" cy="${f(c - size * 0.06)}" r="${f(size * 0.05)}" fill="#fff"/>
<circle cx="${f(c - size * 0.1)}" cy="${f(c - size * 0.05)}" r="${f(size * 0.025)}" fill="#2b2b2b"/><circle cx="${f(c + size * 0.12)}" cy="${f(c - size * 0.05)}" r="${f(size * 0.025)}" fill="#2b2b2b"/>
<circle cx="${f(c - size * 0.2)}" cy="${f(c + size * 0.06)}" r="${f(size * 0.035)}" fill="${hsl(350, 80, 75)}" opacity="0.7"/><circle cx="${f(c + size * 0.2)}" cy="${f(c + size * 0.06)}" r="${f(size * 0.035)}" fill="${hsl(350, 80, 75)}" opacity="0.7"/>
${mouth}
</svg>`;
}

/** A friendly robot head on a coloured disc: a bot's picture. */
function avatarSvg(seed: number, size: number): string {
  const hue = (seed * 97) % 360;
  const s = size;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${s}" height="${s}" viewBox="0 0 100 100">
<defs><linearGradient id="a" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${hsl(hue, 75, 60)}"/><stop offset="1" stop-color="${hsl(hue + 50, 70, 40)}"/></linearGradient></defs>
<rect width="100" height="100" fill="url(#a)"/>
<line x1="50" y1="18" x2="50" y2="28" stroke="#f4f4f4" stroke-width="3"/><circle cx="50" cy="16" r="4" fill="${hsl(hue + 180, 90, 65)}"/>
<rect x="24" y="28" width="52" height="44" rx="12" fill="#f4f4f4"/>
<circle cx="39" cy="47" r="7" fill="${hsl(hue + 180, 80, 45)}"/><circle cx="61" cy="47" r="7" fill="${hsl(hue + 180, 80, 45)}"/>
<rect x="38" y="60" width="24" height="4" rx="2" fill="#9aa0a6"/>
<rect x="18" y="44" width="6" height="14" rx="3" fill="#d0d4d8"/><rect x="76" y="44" width="6" height="14" rx="3" fill="#d0d4d8"/>
</svg>`;
}

export type ImageFormat = 'png' | 'jpeg';

async function render(svg: string, format: ImageFormat): Promise<Buffer> {
  const img = sharp(Buffer.from(svg));
  return format === 'png' ? img.png({ compressionLevel: 9 }).toBuffer() : img.jpeg({ quality: 82, mozjpeg: true }).toBuffer();
}

export function sceneImage(scene: Scene, seed: number, format: ImageFormat = 'jpeg', width = 640, height = 400): Promise<Buffer> {
  return render(sceneSvg(scene, seed, width, height), format);
}

export function stickerImage(seed: number, size = 256): Promise<Buffer> {
  return render(stickerSvg(seed, size), 'png');
}

export function avatarImage(seed: number, size = 256): Promise<Buffer> {
  return render(avatarSvg(seed, size), 'png');
}
