// The peer benchmark (make bench-peers): wink-nlp reads every file of a
// folder as findings does, splitting sentences and tokens and tagging
// entities, and prints how many bytes it read. Time the whole process.
//   node wink.js DIR
const fs = require('fs');
const path = require('path');
const winkNLP = require('wink-nlp');
const model = require('wink-eng-lite-web-model');
const nlp = winkNLP(model);
const its = nlp.its;

const dir = process.argv[2];
let bytes = 0, sentences = 0, tokens = 0, entities = 0;
for (const name of fs.readdirSync(dir).sort()) {
  const text = fs.readFileSync(path.join(dir, name), 'utf8');
  bytes += Buffer.byteLength(text);
  const doc = nlp.readDoc(text);
  sentences += doc.sentences().length();
  tokens += doc.tokens().out(its.type).length;
  entities += doc.entities().out(its.detail).length;
}
console.log(`${bytes} bytes, ${sentences} sentences, ${tokens} tokens, ${entities} entities`);
