// Rebuilds fuzz/seeds/<target>/ from the test fixtures (tests/corpus) and,
// when built, the demo episode's files (dist/demo): the inputs each fuzz
// run starts from. Run through `scripts/fuzz --reseed`.
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { basename, join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const MAX_BYTES = 65536;
const sources = {
  episode_json: ["tests/corpus/episode", "dist/demo/episode.json", "dist/demo/episode-files.json"],
  podcast_json: ["tests/corpus/json/segments.json", "tests/corpus/json/words.json",
    "tests/corpus/json/broken-segments.json", "dist/demo/transcript.json"],
  webvtt: ["tests/corpus/vtt", "dist/demo/episode.vtt"],
  srt: ["tests/corpus/srt", "dist/demo/episode.srt"],
  json_chapters: ["tests/corpus/json/chapters.json", "dist/demo/chapters.json"],
  any_file: ["tests/corpus/vtt", "tests/corpus/srt", "tests/corpus/json", "tests/corpus/episode", "tests/corpus/real"],
  import: ["tests/corpus/import", "tests/corpus/real", "dist/demo/transcript.txt", "dist/demo/shownotes.txt"],
  feed: ["tests/corpus/feed"],
};

const filesIn = (path) =>
  statSync(path).isDirectory() ? readdirSync(path).map((name) => join(path, name)) : [path];

for (const [target, paths] of Object.entries(sources)) {
  const folder = join(root, "fuzz/seeds", target);
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  let count = 0;
  for (const path of paths.map((p) => join(root, p)).filter(existsSync)) {
    for (const file of filesIn(path)) {
      if (statSync(file).size > MAX_BYTES || file.endsWith(".expected.json")) continue;
      const prefix = file.startsWith(join(root, "dist")) ? "demo-" : "";
      copyFileSync(file, join(folder, prefix + basename(file)));
      count += 1;
    }
  }
  console.log(`${target}: ${count} seeds`);
}
