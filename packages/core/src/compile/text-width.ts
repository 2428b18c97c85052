// Text widths without a browser: per-character advance widths of the report's fonts (DejaVu Sans, its bold
// and DejaVu Sans Mono; Verdana, the fallback, is as wide), in thousandths of an em, for printable ASCII.
// Measured with canvas measureText in Chromium and rounded up; the browser test checks every label fits.

/** Advance widths of U+0020..U+007E in DejaVu Sans, 1/1000 em. */
const REGULAR = [
  318, 401, 460, 838, 637, 951, 780, 275, 391, 391, 500, 838, 318, 361, 318, 337, 637, 637, 637, 637, 637, 637, 637, 637, 637, 637, 337, 337, 838, 838, 838, 531, 1000, 685, 687,
  699, 771, 632, 576, 775, 752, 295, 295, 656, 558, 863, 749, 788, 604, 788, 695, 635, 611, 732, 685, 989, 686, 611, 686, 391, 337, 391, 838, 500, 500, 613, 635, 550, 635, 616,
  353, 635, 634, 278, 278, 580, 278, 975, 634, 612, 635, 635, 412, 521, 393, 634, 592, 818, 592, 592, 525, 637, 337, 637, 838,
];

/** Advance widths of U+0020..U+007E in DejaVu Sans Bold, 1/1000 em. */
const BOLD = [
  349, 457, 521, 838, 696, 1002, 873, 307, 458, 458, 523, 838, 380, 416, 380, 366, 696, 696, 696, 696, 696, 696, 696, 696, 696, 696, 400, 400, 838, 838, 838, 581, 1000, 774, 763,
  734, 831, 684, 684, 821, 837, 373, 373, 775, 638, 996, 837, 851, 733, 851, 771, 721, 683, 813, 774, 1104, 771, 725, 726, 458, 366, 458, 838, 500, 500, 675, 716, 593, 716, 679,
  436, 716, 712, 343, 343, 666, 343, 1042, 712, 688, 716, 716, 494, 596, 479, 712, 652, 924, 646, 652, 583, 712, 366, 712, 838,
];

/** The widest glyph of each face (any character outside printable ASCII is taken as this wide, so text never overflows). */
const WIDEST = { regular: 1000, bold: 1104, mono: 603 } as const;

/** A font of the report's graph. */
export type Face = "regular" | "bold" | "mono";

/** The width in pixels of `text` set in `face` at `size` px (an upper bound for characters outside ASCII). */
export function textWidth(text: string, face: Face, size: number): number {
  let units = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (face === "mono") units += c >= 0x1100 ? 2 * WIDEST.mono : WIDEST.mono;
    else units += c >= 32 && c < 127 ? (face === "bold" ? BOLD : REGULAR)[c - 32]! : WIDEST[face];
  }
  return (units * size) / 1000;
}

/**
 * Wraps text to lines no wider than `max` px: at spaces, and after `_`, `-`
 * or `/` inside a long word; a word wider than a line is split between
 * characters. Nothing is ever cut.
 */
export function wrapText(text: string, face: Face, size: number, max: number): string[] {
  const pieces = text.split(/(?<=[ _\-/])/u);
  const lines: string[] = [];
  let line = "";
  const push = (): void => {
    if (line.trim() !== "") lines.push(line.trimEnd());
    line = "";
  };
  for (const piece of pieces) {
    if (textWidth((line + piece).trimEnd(), face, size) <= max) {
      line += piece;
      continue;
    }
    push();
    let rest = piece;
    while (textWidth(rest.trimEnd(), face, size) > max) {
      let cut = 0;
      let w = 0;
      for (const ch of rest) {
        const cw = textWidth(ch, face, size);
        if (w + cw > max && cut > 0) break;
        w += cw;
        cut += ch.length;
      }
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    line = rest;
  }
  push();
  return lines.length > 0 ? lines : [""];
}
