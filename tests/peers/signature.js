// Twilio's own helper library as an independent peer: for each vector, the signature it expects and whether its
// validateRequest accepts a given signature. Usage: node signature.js vectors.json
const fs = require("fs");
const twilio = require("twilio");

const vectors = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const results = vectors.map((v) => ({
  expected: twilio.getExpectedTwilioSignature(v.token, v.url, v.params),
  accepts: v.check === undefined ? null : twilio.validateRequest(v.token, v.check, v.checkUrl ?? v.url, v.params),
}));
process.stdout.write(JSON.stringify(results));
