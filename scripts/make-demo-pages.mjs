// Writes the demo pages that show the episode from what a publisher already
// has, from the demo episode `scripts/make-demo.mjs` built (so that their
// times are the audio's):
//
//   node scripts/make-demo-pages.mjs <dist-dir>
//
// <dist>/demo/feed.xml: the show's podcast feed, whose newest item names
// the episode's files (podcast:transcript, podcast:chapters), its people
// and two soundbites; <dist>/feed.html reads it by `feed=` alone.
// <dist>/page.html: an episode page that already shows its show notes and
// transcript as HTML (from demo/page.html), read by `#` references.
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const dist = resolve(process.argv[2] ?? join(root, "dist"));
const episode = JSON.parse(readFileSync(join(dist, "demo", "episode.json"), "utf8"));
const lines = episode.transcript;

const escapeXml = (text) =>
  String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const clock = (seconds) => {
  const whole = Math.floor(seconds);
  return `${String(Math.floor(whole / 60)).padStart(2, "0")}:${String(whole % 60).padStart(2, "0")}`;
};
const nameOf = (key) => episode.speakers[key].name;

/** The people of the show, by speaker key: role and group in the Podcast
 * Taxonomy (the group is `cast` when a feed names none). */
const people = { maya: ["host", "cast"], tomas: ["guest", "cast"], jo: ["producer", "creative direction"] };
const lineStarting = (text) => {
  const index = lines.findIndex((line) => line.text.startsWith(text));
  if (index < 0) throw new Error(`the demo episode has no line starting "${text}"`);
  return index;
};
// Two moments the publisher points to, each of the 15 to 120 seconds the
// specification recommends: one titled, one that shows its words.
const soundbites = [
  { from: lineStarting("Because not everyone"), to: lineStarting("So it helps people"), title: "Who a transcript is for" },
  { from: lineStarting("The current sentence lights up"), to: lineStarting("And chapters do the same") },
].map(({ from, to, title }) => ({
  start: lines[from].start,
  duration: Math.round((lines[to].end - lines[from].start) * 1000) / 1000,
  title,
}));

const topicList = episode.chapters.map((chapter) => `${clock(chapter.start)} ${escapeXml(chapter.title)}`);
const summary = `${nameOf("maya")} talks with ${nameOf("tomas")} about transcripts that follow the audio; ${nameOf("jo")} produces.`;
const showNotesHtml = `<p>${escapeXml(summary)}</p>\n<p>${topicList.join("<br>\n")}</p>`;
const pubDate = new Date(`${episode.published}T09:00:00Z`).toUTCString().replace("GMT", "+0000");

const feed = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"
     xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"
     xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:podcast="https://podcastindex.org/namespace/1.0">
  <channel>
    <title>${escapeXml(episode.podcast)}</title>
    <link>https://open-airwaves.example/</link>
    <language>${escapeXml(episode.language)}</language>
    <description>The show about building a kinder web for listeners.</description>
    <itunes:author>${escapeXml(nameOf("maya"))}</itunes:author>
    <podcast:person role="host">${escapeXml(nameOf("maya"))}</podcast:person>
    <item>
      <title>${escapeXml(episode.title)}</title>
      <guid isPermaLink="false">open-airwaves-12</guid>
      <pubDate>${pubDate}</pubDate>
      <!-- The address a hosting service's feed gives; the page plays the
           same file from its own server, found by its name. -->
      <enclosure url="https://media.open-airwaves.example/episodes/12/episode.mp3?source=rss" type="audio/mpeg" length="${Math.round(episode.duration * 4000)}"/>
      <itunes:duration>${Math.round(episode.duration)}</itunes:duration>
      <content:encoded><![CDATA[${showNotesHtml}]]></content:encoded>
      <!-- Relative to the feed, for a demo served anywhere; a public feed
           gives absolute URLs, which the widget reads the same way. -->
      <podcast:transcript url="episode.vtt" type="text/vtt" language="en" rel="captions"/>
      <podcast:transcript url="transcript.json" type="application/json" language="en"/>
      <podcast:chapters url="chapters.json" type="application/json+chapters"/>
${Object.entries(people)
  .map(([key, [role, group]]) =>
    `      <podcast:person role="${role}" group="${group}">${escapeXml(nameOf(key))}</podcast:person>`)
  .join("\n")}
${soundbites
  .map(({ start, duration, title }) =>
    `      <podcast:soundbite startTime="${start}" duration="${duration}"${title ? `>${escapeXml(title)}</podcast:soundbite>` : "/>"}`)
  .join("\n")}
    </item>
    <item>
      <title>Small Print: Reading the Terms So You Don't Have To</title>
      <guid isPermaLink="false">open-airwaves-11</guid>
      <pubDate>${new Date(Date.parse(`${episode.published}T09:00:00Z`) - 7 * 86400000).toUTCString().replace("GMT", "+0000")}</pubDate>
      <enclosure url="https://media.open-airwaves.example/episodes/11/small-print.mp3" type="audio/mpeg" length="3600000"/>
      <itunes:duration>15:00</itunes:duration>
      <description>${escapeXml(`<p>${nameOf("maya")} and ${nameOf("jo")} read the terms of a scooter app.</p>`)}</description>
    </item>
  </channel>
</rss>
`;
writeFileSync(join(dist, "demo", "feed.xml"), feed);

// The page's own HTML: the show notes' topics, and the transcript in
// speaker turns (a paragraph each), as a site shows them for search engines.
const turns = [];
lines.forEach((line, index) => {
  if (index > 0 && lines[index - 1].speaker === line.speaker) turns[turns.length - 1].text += ` ${line.text}`;
  else turns.push({ speaker: line.speaker, text: line.text });
});
const transcriptHtml = turns
  .map(({ speaker, text }) => `        <p><strong>${escapeXml(nameOf(speaker))}:</strong> ${escapeXml(text)}</p>`)
  .join("\n");
const notesHtml = [
  `        <p>${escapeXml(summary)}</p>`,
  "        <ul>",
  ...episode.chapters.map((chapter) => `          <li>${clock(chapter.start)} ${escapeXml(chapter.title)}</li>`),
  "        </ul>",
].join("\n");
const page = readFileSync(join(root, "demo", "page.html"), "utf8")
  .replace("<!-- show notes -->", () => notesHtml.trimStart())
  .replace("<!-- transcript -->", () => transcriptHtml.trimStart());
writeFileSync(join(dist, "page.html"), page);
console.log(`demo pages: feed.xml (${soundbites.length} soundbites), feed.html, page.html (${turns.length} turns)`);
