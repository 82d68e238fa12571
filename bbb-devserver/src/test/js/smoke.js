'use strict'
// Smoke test of bbb-devserver with an independent client nobody here wrote: bigbluebutton-js@0.2.0.
// Usage: BBB_URL=http://127.0.0.1:8090/bigbluebutton BBB_SECRET=... node smoke.js
// (BBB_URL may also end in /bigbluebutton/api or /bigbluebutton/; the library appends /api/<call>.)
const assert = require('assert')
const axios = require('axios')
const bbb = require('bigbluebutton-js')

let url = process.env.BBB_URL
const secret = process.env.BBB_SECRET
if (!url || !secret) {
  console.error('BBB_URL and BBB_SECRET are required')
  process.exit(2)
}
url = url.replace(/\/+$/, '').replace(/\/api$/, '')
const origin = url.replace(/\/bigbluebutton$/, '')
const api = bbb.api(url, secret)
const http = bbb.http
const sleep = (ms) => new Promise((r) => setTimeout(r, ms))
let steps = 0
function ok(name) { steps++; console.log('ok ' + steps + ' - ' + name) }

async function connect(joinUrl) {
  // follow the join redirect by hand and open the client page's heartbeat, like a browser would
  const r = await axios.get(joinUrl, { maxRedirects: 0, validateStatus: () => true })
  assert.strictEqual(r.status, 302, 'join should redirect')
  const loc = r.headers.location
  assert.ok(/\/client\/join\?sessionToken=[a-z0-9]{16}$/.test(loc), 'redirect to the client page: ' + loc)
  const token = loc.split('sessionToken=')[1]
  const page = await axios.get(loc)
  assert.ok(page.data.includes('BigBlueButton development server'), 'client page label')
  const hb = await axios.post(origin + '/client/api/heartbeat?sessionToken=' + token)
  assert.strictEqual(hb.data.status, 'connected')
  return token
}

async function main() {
  const id = 'npm-smoke-' + Date.now()
  const version = await http(url + '/api')
  assert.strictEqual(version.returncode, 'SUCCESS')
  ok('version')

  const created = await http(api.administration.create('npm smoke', id, {
    attendeePW: 'ap', moderatorPW: 'mp', record: true, 'meta_origin': 'npm',
  }))
  assert.strictEqual(created.returncode, 'SUCCESS', JSON.stringify(created))
  assert.strictEqual(String(created.meetingID), id)
  ok('create')

  const again = await http(api.administration.create('npm smoke', id, { attendeePW: 'ap', moderatorPW: 'mp' }))
  assert.strictEqual(again.messageKey, 'duplicateWarning')
  assert.strictEqual(again.createTime, created.createTime)
  ok('create again -> duplicateWarning')

  let running = await http(api.monitoring.isMeetingRunning(id))
  assert.strictEqual(running.running, false)
  ok('isMeetingRunning false before anyone connects')

  const joinUrl = api.administration.join('Smoke Moderator', id, 'mp')
  await connect(joinUrl)
  ok('join URL redirects to the client page; page heartbeat connects')

  running = await http(api.monitoring.isMeetingRunning(id))
  assert.strictEqual(running.running, true)
  ok('isMeetingRunning true')

  const info = await http(api.monitoring.getMeetingInfo(id))
  assert.strictEqual(info.returncode, 'SUCCESS')
  assert.strictEqual(info.participantCount, 1)
  assert.strictEqual(info.attendees.attendee.fullName, 'Smoke Moderator')
  assert.strictEqual(info.attendees.attendee.role, 'MODERATOR')
  assert.strictEqual(info.metadata.origin, 'npm')
  ok('getMeetingInfo')

  const meetings = await http(api.monitoring.getMeetings())
  assert.ok(meetings.meetings.some((m) => String(m.meetingID) === id), 'meeting listed')
  ok('getMeetings')

  const hook = await http(api.hooks.create('http://127.0.0.1:9/npm-smoke-hook', { meetingID: id }))
  assert.strictEqual(hook.returncode, 'SUCCESS', JSON.stringify(hook))
  const list = await http(api.hooks.list())
  const hooks = [].concat(list.hooks.hook)
  assert.ok(hooks.some((h) => h.hookID === hook.hookID), 'hook listed')
  const destroyed = await http(api.hooks.destroy(hook.hookID))
  assert.strictEqual(destroyed.removed, true)
  const missing = await http(api.hooks.destroy(hook.hookID))
  assert.strictEqual(missing.messageKey, 'destroyMissingHook')
  ok('hooks create/list/destroy')

  const ended = await http(api.administration.end(id, 'mp'))
  assert.strictEqual(ended.messageKey, 'sentEndMeetingRequest')
  ok('end')

  let recs
  for (let i = 0; i < 100; i++) {
    recs = await http(api.recording.getRecordings({ meetingID: id }))
    if (recs.recordings && recs.recordings.length && recs.recordings[0].state === 'published') break
    await sleep(100)
  }
  assert.ok(recs.recordings && recs.recordings.length === 1, 'one recording: ' + JSON.stringify(recs))
  assert.strictEqual(recs.recordings[0].state, 'published')
  const gone = await http(api.monitoring.getMeetingInfo(id))
  assert.strictEqual(gone.messageKey, 'notFound')
  ok('getRecordings after end (recording published)')

  // bigbluebutton-js hashes querystring.encode output (apostrophe literal) but axios sends %27:
  // a server hashing the raw query string (like BBB) must answer checksumError.
  const quirky = await http(api.administration.create("O'Brien's class", id + '-quote', {}))
  assert.strictEqual(quirky.returncode, 'FAILED')
  assert.strictEqual(quirky.messageKey, 'checksumError')
  ok("value with ' -> checksumError (raw query hashing)")

  const plain = await http(api.administration.create('Plain & spaced = ünïcode', id + '-plain', {}))
  assert.strictEqual(plain.returncode, 'SUCCESS', JSON.stringify(plain))
  await http(api.administration.end(id + '-plain'))
  ok('values with space, &, = and non-ASCII work')

  console.log('SMOKE OK (' + steps + ' steps)')
}

main().catch((e) => {
  console.error('SMOKE FAILED: ' + (e && e.stack ? e.stack : e))
  process.exit(1)
})
