// Expands every event of an iCalendar file with ical.js, the reader of Thunderbird and
// many web calendars, and prints one JSON line per occurrence:
// {"uid", "summary", "start", "end"}: UTC seconds for a timed event (ical.js turns the
// local time into UTC with the file's own VTIMEZONE), "YYYY-MM-DD" for an all-day one.
// Usage: node expand.mjs FILE.ics
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

const root = new ICAL.Component(ICAL.parse(readFileSync(process.argv[2], "utf8")));
for (const zone of root.getAllSubcomponents("vtimezone")) {
  ICAL.TimezoneService.register(zone);
}
const byUid = new Map();
for (const vevent of root.getAllSubcomponents("vevent")) {
  const uid = vevent.getFirstPropertyValue("uid");
  if (!byUid.has(uid)) byUid.set(uid, { master: null, exceptions: [] });
  const group = byUid.get(uid);
  if (vevent.hasProperty("recurrence-id")) group.exceptions.push(vevent);
  else group.master = vevent;
}
const when = (time) => (time.isDate ? time.toString() : time.toUnixTime());
for (const [uid, { master, exceptions }] of byUid) {
  const event = new ICAL.Event(master, { exceptions });
  const print = (summary, start, end) =>
    console.log(JSON.stringify({ uid, summary, start: when(start), end: when(end) }));
  if (!event.isRecurring()) {
    print(event.summary, event.startDate, event.endDate);
    continue;
  }
  const iterator = event.iterator();
  for (let next = iterator.next(), count = 0; next; next = iterator.next(), count++) {
    if (count > 10000) throw new Error(`${uid}: endless recurrence`);
    const details = event.getOccurrenceDetails(next);
    print(details.item.summary, details.startDate, details.endDate);
  }
}
