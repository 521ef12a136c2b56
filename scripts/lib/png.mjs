// Reads a PNG into RGBA pixels, enough for the images this project renders and checks (the icons from
// rsvg-convert, the browsers' screenshots): 8-bit greyscale, RGB, greyscale+alpha or RGBA, not interlaced.
// Anything else is refused with the reason, never guessed.
import zlib from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const CHANNELS = { 0: 1, 2: 3, 4: 2, 6: 4 }; // colour type -> samples per pixel

function chunks(bytes) {
  if (!bytes.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG: wrong signature');
  const list = [];
  for (let at = 8; at + 8 <= bytes.length;) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    list.push({ type, data: bytes.subarray(at + 8, at + 8 + length) });
    at += 12 + length;
    if (type === 'IEND') break;
  }
  return list;
}

// Width and height from the header alone.
export function pngSize(bytes) {
  const header = chunks(bytes).find((c) => c.type === 'IHDR');
  if (!header) throw new Error('not a PNG: no IHDR');
  return { width: header.data.readUInt32BE(0), height: header.data.readUInt32BE(4) };
}

const paeth = (a, b, c) => {
  const p = a + b - c;
  const pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
};

// { width, height, rgba }: rgba holds 4 bytes a pixel, row by row.
export function readPng(bytes) {
  const list = chunks(bytes);
  const header = list.find((c) => c.type === 'IHDR')?.data;
  if (!header) throw new Error('not a PNG: no IHDR');
  const width = header.readUInt32BE(0), height = header.readUInt32BE(4);
  const [depth, colourType, , , interlace] = header.subarray(8, 13);
  const channels = CHANNELS[colourType];
  if (depth !== 8 || !channels || interlace !== 0) {
    throw new Error(`unsupported PNG: bit depth ${depth}, colour type ${colourType}, interlace ${interlace}`);
  }
  const raw = zlib.inflateSync(Buffer.concat(list.filter((c) => c.type === 'IDAT').map((c) => c.data)));
  const stride = width * channels;
  if (raw.length < height * (stride + 1)) throw new Error('PNG data shorter than its header says');
  const pixels = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const out = pixels.subarray(y * stride, (y + 1) * stride);
    const up = y > 0 ? pixels.subarray((y - 1) * stride, y * stride) : Buffer.alloc(stride);
    for (let i = 0; i < stride; i++) {
      const left = i >= channels ? out[i - channels] : 0;
      const upLeft = i >= channels ? up[i - channels] : 0;
      const predictor = [0, left, up[i], (left + up[i]) >> 1, paeth(left, up[i], upLeft)][filter];
      if (predictor === undefined) throw new Error(`PNG row ${y} has unknown filter ${filter}`);
      out[i] = (line[i] + predictor) & 0xff;
    }
  }
  const rgba = Buffer.alloc(width * height * 4);
  for (let p = 0; p < width * height; p++) {
    const s = pixels.subarray(p * channels, (p + 1) * channels);
    const [r, g, b] = channels >= 3 ? [s[0], s[1], s[2]] : [s[0], s[0], s[0]];
    const a = channels === 4 ? s[3] : channels === 2 ? s[1] : 255;
    rgba.set([r, g, b, a], p * 4);
  }
  return { width, height, rgba };
}
