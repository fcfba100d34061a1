// Generated benchmark episodes: about 600 lines and 9,000 words an hour,
// three speakers, a chapter every 10 minutes, with or without word timings.
// Deterministic (a seeded generator), so runs compare.

const SECONDS_PER_LINE = 6;
const WORDS_PER_LINE = 15;

/** A small deterministic pseudo-random generator (mulberry32). */
export function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const common = (
  "the and to of a in that is it you for on with as was we this be have are not but they at what so if " +
  "from there can all about like one just or do more when out up people think know really time because " +
  "story question history listeners episode transcript interview résumé café naïve moment"
).split(" ");
const syllables = "ba ce di fo gu ka le mi no pu ra se ti vo wu xa ye zo an en in on un ar er ir or ur".split(" ");

/** A vocabulary of common words and invented ones (so that searches find a
 * realistic spread of matches, not every line). */
function vocabulary(next) {
  const invented = Array.from({ length: 3000 }, () => {
    const count = 2 + Math.floor(next() * 3);
    return Array.from({ length: count }, () => syllables[Math.floor(next() * syllables.length)]).join("");
  });
  return { common, invented };
}

/** An episode JSON document of `hours` hours, with word timings or without. */
export function episode(hours, withWords) {
  const next = random(hours * 1000 + (withWords ? 1 : 0));
  const words = vocabulary(next);
  const lineCount = Math.round((hours * 3600) / SECONDS_PER_LINE);
  const transcript = [];
  for (let line = 0; line < lineCount; line += 1) {
    const start = line * SECONDS_PER_LINE;
    const texts = Array.from({ length: WORDS_PER_LINE }, () =>
      next() < 0.6
        ? words.common[Math.floor(next() * words.common.length)]
        : words.invented[Math.floor(next() * words.invented.length)],
    );
    texts[0] = texts[0][0].toUpperCase() + texts[0].slice(1);
    texts[texts.length - 1] += ".";
    const entry = {
      start,
      end: start + SECONDS_PER_LINE - 0.2,
      speaker: `Speaker ${1 + (Math.floor(line / 3) % 3)}`,
      text: texts.join(" "),
    };
    if (withWords) {
      entry.words = texts.map((text, index) => ({
        start: Number((start + index * 0.38).toFixed(2)),
        end: Number((start + index * 0.38 + 0.34).toFixed(2)),
        text,
      }));
    }
    transcript.push(entry);
  }
  const chapters = Array.from({ length: Math.ceil((hours * 60) / 10) }, (_, index) => ({
    start: index * 600,
    title: `Part ${index + 1}: ${words.invented[index % words.invented.length]}`,
  }));
  return {
    version: 1,
    title: `Benchmark episode, ${hours} h${withWords ? ", word timings" : ""}`,
    duration: lineCount * SECONDS_PER_LINE,
    chapters,
    transcript,
  };
}
