// Builds the accuracy test episode: about an hour of generated conversation
// (three speakers, original text from a seeded grammar), spoken sentence by
// sentence with espeak-ng at a different speed per speaker and per sentence,
// with natural pauses between sentences, paragraphs and turns and a few
// long silences. Every sentence's true start and end come from the length of
// its synthesised speech, so the file is a transcript with known timings.
//
//   node scripts/make-accuracy-episode.mjs [out.json]
//
// Writes tests/corpus/accuracy/episode.json (committed: the test reads it
// without espeak-ng). Run again only to change the episode.
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

const out = process.argv[2] ?? "tests/corpus/accuracy/episode.json";
const TARGET_SECONDS = 62 * 60;

// Seeded PRNG (mulberry32), so the episode is the same on every run.
let seed = 20261124;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (list) => list[Math.floor(random() * list.length)];
const between = (low, high) => low + random() * (high - low);

const speakers = [
  { name: "Rosa Vidal", voice: "en-us+f3", pitch: 55, wpm: 150 },
  { name: "Anders Holm", voice: "en-gb-x-rp+m3", pitch: 40, wpm: 178 },
  { name: "Kit Morgan", voice: "en-gb-scotland+f2", pitch: 60, wpm: 200 },
];

const words = {
  subject: ["the harbour master", "our volunteers", "the old ferry", "a fisherman from the north coast", "the council",
    "my grandmother", "the weather service", "the lighthouse", "every apprentice", "the museum", "the regional archive",
    "a marine biologist", "the shipping company", "the lifeboat crew", "the island school", "the cartographer"],
  verb: ["repaired", "documented", "measured", "photographed", "rebuilt", "explained", "catalogued", "abandoned",
    "discovered", "restored", "questioned", "celebrated", "negotiated", "underestimated", "transported", "recorded"],
  object: ["the breakwater", "forty kilometres of coastline", "the signal station", "a collection of logbooks",
    "the tidal charts", "an experimental fog horn", "the cannery", "the salt marshes", "the wooden jetty",
    "a century of storm reports", "the navigation lights", "the migratory birds", "the emergency radio",
    "the ferry timetable", "the old telegraph cable", "the seaweed harvest"],
  tail: ["before the winter storms", "with surprisingly little money", "over the course of a decade",
    "in the middle of the night", "without asking anybody", "because nobody else would", "almost by accident",
    "during the big flood", "with the help of the children", "for the first time in living memory", "every single autumn",
    "despite the regulations", "in nineteen eighty seven", "long after the lighthouse was automated"],
  opener: ["Honestly,", "To be fair,", "In my experience,", "As far as I remember,", "The funny thing is,",
    "Back then,", "If I am completely honest,", "Interestingly,", "Of course,", "Believe it or not,"],
  question: ["How did", "Why do you think", "When exactly", "What happened when", "Where did"],
  reaction: ["Right.", "Exactly.", "That's fair.", "Yes, absolutely.", "Hmm, I see.", "Really?", "Wow.", "Go on.",
    "Of course.", "I remember that."],
  reflection: ["That changed everything for the whole community", "It was a difficult period for everyone involved",
    "People still talk about it in the pub", "Nobody expected it to last this long",
    "We learned more from the failures than from the successes", "I would do it again tomorrow",
    "The numbers tell only half of the story", "You have to understand how isolated we were"],
  number: ["three", "twelve", "twenty five", "two hundred", "four thousand", "eighty", "nineteen", "sixty"],
  plural: ["volunteers", "boats", "visitors", "letters", "photographs", "storms", "seals", "lanterns"],
};

const sentence = (kind) => {
  switch (kind) {
    case "question":
      return `${pick(words.question)} ${pick(words.subject)} ${pick(["get involved with", "first notice", "deal with", "end up with"])} ${pick(words.object)}?`;
    case "reaction":
      return pick(words.reaction);
    default: {
      const form = Math.floor(random() * 5);
      const capital = (text) => text[0].toUpperCase() + text.slice(1);
      if (form === 0) return `${pick(words.opener)} ${pick(words.subject)} ${pick(words.verb)} ${pick(words.object)} ${pick(words.tail)}.`;
      if (form === 1) return `${capital(pick(words.subject))} ${pick(words.verb)} ${pick(words.object)}.`;
      if (form === 2) return `${pick(words.reflection)}.`;
      if (form === 3) return `We had ${pick(words.number)} ${pick(words.plural)} that year, and ${pick(words.subject)} ${pick(words.verb)} ${pick(words.object)} ${pick(words.tail)}.`;
      return `${capital(pick(words.subject))} ${pick(words.verb)} ${pick(words.object)}, and then ${pick(words.subject)} ${pick(words.verb)} ${pick(words.object)} ${pick(words.tail)}.`;
    }
  }
};

/** Seconds of speech espeak-ng makes of `text` at `wpm`. */
const spokenSeconds = (speaker, text, wpm) => {
  const wav = execFileSync("espeak-ng", ["-v", speaker.voice, "-p", String(speaker.pitch), "-s", String(wpm), "--stdout", text], {
    maxBuffer: 64 * 1024 * 1024,
  });
  const rate = wav.readUInt32LE(24);
  const bytesPerSecond = wav.readUInt32LE(28);
  let dataOffset = 12;
  while (dataOffset < wav.length - 8) {
    const id = wav.toString("ascii", dataOffset, dataOffset + 4);
    const size = wav.readUInt32LE(dataOffset + 4);
    if (id === "data") {
      // espeak-ng streams with a placeholder size: use the bytes present.
      const dataBytes = Math.min(size, wav.length - dataOffset - 8);
      return rate > 0 ? dataBytes / bytesPerSecond : 0;
    }
    dataOffset += 8 + size;
  }
  throw new Error("no data chunk in espeak-ng's output");
};

const transcript = [];
let time = 1.5; // a short jingle before the first word
let previousSpeaker = null;
const say = (speakerIndex, text, { paragraph = false } = {}) => {
  const speaker = speakers[speakerIndex];
  let pause;
  if (previousSpeaker === null) pause = 0;
  else if (previousSpeaker !== speakerIndex) pause = between(0.3, 1.4);
  else if (paragraph) pause = between(0.6, 1.3);
  else pause = between(0.12, 0.6);
  if (random() < 0.04) pause += between(1.5, 4); // a long silence: thinking, a sip of tea
  time += pause;
  const aside = random() < 0.03 ? pick([" [laughs]", " [crosstalk]", " [coughs]"]) : "";
  const wpm = Math.round(speaker.wpm * between(0.9, 1.1));
  const seconds = spokenSeconds(speaker, text, wpm);
  const line = { start: round(time), end: round(time + seconds), speaker: speaker.name, text: text + aside };
  if (paragraph) line.paragraph = true;
  transcript.push(line);
  time += seconds + (aside ? between(0.8, 1.6) : 0);
  previousSpeaker = speakerIndex;
};
const round = (seconds) => Math.round(seconds * 1000) / 1000;

say(0, "Welcome to Tideline, the podcast about the people who keep the coast running.");
say(0, "My guest today has spent thirty years on the water, and our producer Kit is listening in as always.");
while (time < TARGET_SECONDS) {
  say(0, sentence(random() < 0.7 ? "question" : "statement"));
  if (random() < 0.25) say(1, sentence("reaction"));
  const paragraphs = 1 + Math.floor(random() * 2.2);
  for (let p = 0; p < paragraphs; p += 1) {
    const sentences = 2 + Math.floor(random() * 7);
    for (let s = 0; s < sentences; s += 1) say(1, sentence("statement"), { paragraph: p > 0 && s === 0 });
  }
  if (random() < 0.3) say(0, sentence("reaction"));
  if (random() < 0.15) say(2, sentence(random() < 0.5 ? "question" : "statement"));
}
say(0, "That is all for today, and thank you for listening to Tideline.");

const episode = {
  version: 1,
  title: "Tideline: thirty years on the water (accuracy test episode)",
  duration: round(time + 2),
  speakers: Object.fromEntries(speakers.map((speaker) => [speaker.name, speaker.name])),
  transcript,
};
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(episode, null, 0).replace(/\},\{/g, "},\n{") + "\n");
console.log(`${out}: ${transcript.length} sentences, ${Math.round(time / 60)} minutes`);
