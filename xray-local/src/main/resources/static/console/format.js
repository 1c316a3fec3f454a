// Formatting of times, durations and counts, and quoting for filter expressions. Pure.

/** A duration in seconds as people read it: 0.42 ms, 3.1 ms, 120 ms, 1.25 s. */
export function ms(seconds) {
  if (seconds === undefined || seconds === null || Number.isNaN(seconds)) return '–';
  const millis = seconds * 1000;
  if (millis < 1) return millis.toFixed(2) + ' ms';
  if (millis < 10) return millis.toFixed(1) + ' ms';
  if (millis < 1000) return Math.round(millis) + ' ms';
  return (seconds < 10 ? seconds.toFixed(2) : seconds.toFixed(1)) + ' s';
}

export function age(epochSeconds, now = Date.now() / 1000) {
  const seconds = Math.max(0, now - epochSeconds);
  if (seconds < 60) return Math.round(seconds) + 's ago';
  if (seconds < 3600) return Math.round(seconds / 60) + 'm ago';
  if (seconds < 86400) return Math.round(seconds / 3600) + 'h ago';
  return Math.round(seconds / 86400) + 'd ago';
}

export function clock(epochSeconds) {
  return new Date(epochSeconds * 1000).toLocaleString(undefined, { hour12: false }) +
    '.' + String(Math.floor((epochSeconds % 1) * 1000)).padStart(3, '0');
}

/** HH:MM:SS in local time, for axes and markers. */
export function hms(epochSeconds) {
  const d = new Date(epochSeconds * 1000);
  return [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
}

export const number = (n) => (n || 0).toLocaleString('en-US');

/** Requests per minute: one decimal below 10, whole numbers above. */
export const rate = (perMinute) => perMinute.toFixed(perMinute < 10 ? 1 : 0);

export const percent = (share) => (Number.isFinite(share) ? (share * 100).toFixed(share < 0.1 ? 1 : 0) + '%' : '–');

/** A string literal of the filter language. */
export const quote = (s) => '"' + String(s).replace(/\\/g, '\\\\').replace(/"/g, '\\"') + '"';
