/** A four-hour window from 22:00 Berlin time every Saturday, holding back CloudWatch alarms. */
export const saturdayNightWindow = {
  name: 'sat',
  schedule: { cron: '0 22 * * SAT', durationMinutes: 240 },
  timeZone: 'Europe/Berlin',
  match: { source: 'cloudwatch-alarm' },
};
