import dayjs, { type Dayjs } from 'dayjs';

/** Half-hour times of a working day: sessions are booked in half-hour slots. */
export const sessionTimes = Array.from({ length: 29 }, (_, i) => dayjs('2000-01-01T07:00').add(30 * i, 'minute').format('HH:mm'));

/** Local (Asia/Shanghai) day and time as an instant with its offset, as the API expects. */
export const instant = (day: Dayjs, time: string) => `${day.format('YYYY-MM-DD')}T${time}:00+08:00`;
